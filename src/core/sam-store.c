/* sam-store.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-backups.h"
#include "sam-dates.h"
#include "sam-instrument.h"
#include "sam-names.h"
#include "sam-paths.h"
#include "sam-store-private.h"

/* Marks a file as ours ("SAMB"), so that another program's database is never taken over. */
#define SAM_STORE_APPLICATION_ID 0x53414D42

struct _SamStore
{
  GObject   parent_instance;

  char     *path;
  char     *backup_path;
  SamStoreOpenFlags flags;
  gboolean  read_only;        /* the file or its folder may not be written: opened read-only */
  char     *backup_day;       /* "YYYYMMDD" once today's backup is known to be there */
  gint64    data_version;     /* PRAGMA data_version when last looked: another writer's mark */
  guint     watch_id;
  SamStoreBusyFunc busy_func;
  gpointer  busy_data;
  guint     busy_seconds;
  gboolean  busy_told;
  sqlite3  *db;
  GHashTable *statements;   /* SQL -> sqlite3_stmt, kept for the store's life */
  GPtrArray  *answer_inserts; /* [n] inserts n answers in one statement */
  GHashTable *savepoints;     /* "SAVEPOINT sam_N" and "RELEASE sam_N" */
  int       schema_version;
  guint     depth;
  gboolean  dirty;
};

static void sam_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SamStore, sam_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      sam_store_initable_iface_init))

G_DEFINE_QUARK (sam-store-error-quark, sam_store_error)

static void backup_before_change (SamStore *self);

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The migrations, in order: migrations[N] takes a database from version N to N + 1.
 * A landed migration is never edited; a change to the schema is a new one. */
static const char *migrations[] = {
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

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SAM_STORE_SCHEMA_VERSION);

/* Helpers */

/* SQLite's own "full", or a write the system refused for want of room. */
static gboolean
disk_is_full (SamStore *self,
              int       rc)
{
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  return (rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EFBIG ||
         system_errno == EDQUOT;
}

gboolean
_sam_store_set_error (SamStore  *self,
                      GError   **error,
                      int        rc)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = SAM_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
             ? SAM_STORE_ERROR_EXISTS : SAM_STORE_ERROR_INVALID;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = SAM_STORE_ERROR_OPEN;
      break;
    default:
      code = SAM_STORE_ERROR_FAILED;
      break;
    }

  if (code == SAM_STORE_ERROR_CORRUPT)
    g_set_error (error, SAM_STORE_ERROR, code,
                 _("“%s” is not a Samarbejde database, or it is damaged (%s)"),
                 self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                 _("“%s” can only be read, so nothing was changed (%s)"),
                 self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                 _("“%s” could not be written, so nothing was changed: %s"),
                 self->path, disk_is_full (self, rc) ? _("the disk is full")
                                                     : self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else if ((rc & 0xff) == SQLITE_BUSY)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                 _("“%s” is in use by another program that did not finish in time; nothing was changed"),
                 self->path);
  else
    g_set_error_literal (error, SAM_STORE_ERROR, code,
                         self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
_sam_store_exec (SamStore    *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

sqlite3 *
_sam_store_get_db (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->db;
}


/* A statement prepared once and kept: for what runs thousands of times in an import. The
 * statement is borrowed, reset and without bindings; @sql must be a string literal, as it
 * is the key. Callers reset a query when they have read it, so that no statement keeps a
 * read transaction open between calls. */
static sqlite3_stmt *
prepare_cached (SamStore    *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (!sqlite3_stmt_readonly (stmt))
        backup_before_change (self);
      return stmt;
    }
  stmt = _sam_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Before the first change of a day, a copy of the database as it was (sam-backups.h).
 * Called before anything that writes, outside a transaction: a transaction's BEGIN calls
 * it, and so does a single statement that writes. A copy that cannot be written does not
 * stop the work; it is said in the log. */
static void
backup_before_change (SamStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->read_only || self->depth > 0 || self->db == NULL ||
      (self->flags & SAM_STORE_OPEN_NO_BACKUPS) != 0)
    return;
  now = g_date_time_new_now_local ();
  day = g_date_time_format (now, "%Y%m%d");
  if (g_strcmp0 (day, self->backup_day) == 0)
    return;
  g_free (self->backup_day);
  self->backup_day = g_strdup (day);
  /* Nothing worth keeping yet. */
  if (sam_store_is_empty (self) || sam_backups_has_today (self->path))
    return;
  path = sam_backups_write (self->db, self->path, SAM_BACKUP_DAILY, 0, &error);
  if (path == NULL)
    g_warning ("No backup of the day was written: %s", error->message);
  else
    g_debug ("Wrote the backup of the day, %s", path);
}

/* The rows of a query as a list, each made by @make_row; @id, where not 0, is bound as ?1. */
GPtrArray *
_sam_store_list_rows (SamStore        *self,
                      const char      *sql,
                      gint64           id,
                      SamRowFunc       make_row,
                      GDestroyNotify   free_row,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_row);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, make_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
query_int (SamStore    *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
mark_changed (SamStore *self)
{
  if (self->depth > 0)
    self->dirty = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Transactions: the outermost is a real one, inner ones are savepoints. */

/* Savepoints run once per respondent in an import, so their statements are kept. */
static gboolean
run_savepoint (SamStore    *self,
               const char  *verb,
               guint        depth,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s sam_%u", verb, depth);
  sqlite3_stmt *stmt = g_hash_table_lookup (self->savepoints, sql);
  int rc;

  if (stmt == NULL)
    {
      stmt = _sam_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (self->savepoints, g_steal_pointer (&sql), stmt);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

gboolean
sam_store_begin (SamStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (self->depth == 0)
    backup_before_change (self);
  /* A file that can only be read still reads as one view. */
  if (self->depth == 0 ? !_sam_store_exec (self, self->read_only ? "BEGIN" : "BEGIN IMMEDIATE", error)
                       : !run_savepoint (self, "SAVEPOINT", self->depth, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
sam_store_commit (SamStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1 ? !_sam_store_exec (self, "COMMIT", error)
                       : !run_savepoint (self, "RELEASE", self->depth - 1, error))
    {
      sam_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0 && self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

gboolean
sam_store_in_transaction (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return self->depth > 0;
}

void
sam_store_rollback (SamStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SAM_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sql = g_strdup ("ROLLBACK");
      self->dirty = FALSE;
    }
  else
    sql = g_strdup_printf ("ROLLBACK TO sam_%u; RELEASE sam_%u", self->depth, self->depth);

  /* A rollback fails only where sqlite already rolled back by itself. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* Opening, checking and upgrading */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static gboolean
write_backup (SamStore  *self,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_free (self->backup_path);
  self->backup_path = sam_backups_write (self->db, self->path, SAM_BACKUP_UPGRADE, self->schema_version,
                                         &local_error);
  if (self->backup_path == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_BACKUP,
                   _("No backup could be written before the upgrade: %s"), local_error->message);
      return FALSE;
    }
  g_debug ("Wrote a backup of schema version %d to %s", self->schema_version, self->backup_path);
  return TRUE;
}

static gboolean
migrate (SamStore  *self,
         GError   **error)
{
  g_autofree char *sql = NULL;

  if (!sam_store_begin (self, error))
    return FALSE;

  for (int version = self->schema_version; version < SAM_STORE_SCHEMA_VERSION; version++)
    {
      if (!_sam_store_exec (self, migrations[version], error))
        {
          g_prefix_error (error, _("The upgrade to version %d failed: "), version + 1);
          sam_store_rollback (self);
          return FALSE;
        }
    }

  sql = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                         SAM_STORE_SCHEMA_VERSION, SAM_STORE_APPLICATION_ID);
  if (!_sam_store_exec (self, sql, error))
    {
      sam_store_rollback (self);
      return FALSE;
    }
  if (!sam_store_commit (self, error))
    return FALSE;

  self->schema_version = SAM_STORE_SCHEMA_VERSION;
  return TRUE;
}

/* Whether the file, or the folder where SQLite keeps its journal beside it, may not be
 * written by this user. */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0;
}

static int
open_database (SamStore   *self,
               gboolean    immutable)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  g_clear_pointer (&self->db, sqlite3_close);
  if (!self->read_only)
    return sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  /* Read-only: nothing is created or changed; a copy on a read-only share, whose journal
   * cannot be kept beside it, is read as it stands. */
  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?%s", escaped, immutable ? "immutable=1" : "mode=ro");
  return sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* SQLite calls this while another connection holds the lock: wait, say so once, and give
 * up only after the time allowed. */
static int
on_busy (void *data,
         int   n_calls)
{
  SamStore *self = data;
  const int step_ms = 50;

  if ((guint) n_calls * step_ms >= self->busy_seconds * 1000)
    return 0;
  if (n_calls * step_ms >= 1000 && !self->busy_told && self->busy_func != NULL)
    {
      self->busy_told = TRUE;
      self->busy_func (self, self->busy_data);
    }
  sqlite3_sleep (step_ms);
  return 1;
}

static gboolean
sam_store_initable_init (GInitable     *initable,
                         GCancellable  *cancellable,
                         GError       **error)
{
  SamStore *self = SAM_STORE (initable);
  gboolean existed;
  gint64 version = 0, application_id = 0, n_tables = 0;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (self->path != NULL, FALSE);

  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (!existed && (self->flags & SAM_STORE_OPEN_EXISTING) != 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_MISSING,
                   _("There is no database “%s”"), self->path);
      return FALSE;
    }
  if (existed && !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("“%s” is not a file"), self->path);
      return FALSE;
    }
  if (!existed && !sam_paths_ensure_parent_dir (self->path, error))
    {
      g_prefix_error (error, _("There is no database “%s”, and none could be made: "), self->path);
      return FALSE;
    }
  if (!existed && !create_private_file (self->path, error))
    return FALSE;

  self->read_only = existed && cannot_write (self->path);
  rc = open_database (self, FALSE);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  self->busy_seconds = 30;
  sqlite3_busy_handler (self->db, on_busy, self);

  /* Read before anything is written, so that a foreign or newer file stays as it is. */
  if (!query_int (self, "PRAGMA user_version", &version, &local_error) && self->read_only)
    {
      /* A database in WAL mode whose journal cannot be made beside it. */
      g_clear_error (&local_error);
      if (open_database (self, TRUE) != SQLITE_OK)
        goto fail_open;
      sqlite3_extended_result_codes (self->db, 1);
      query_int (self, "PRAGMA user_version", &version, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    goto fail;

  if (application_id != 0 && application_id != SAM_STORE_APPLICATION_ID)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                   _("“%s” belongs to another program and was left as it is"), self->path);
      goto fail;
    }
  if (application_id == 0 && n_tables > 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another program and was left as it is"),
                   self->path);
      goto fail;
    }
  if (version > SAM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Samarbejde (data version %d; "
                     "this version reads up to %d). Update the app to open it."),
                   self->path, (int) version, SAM_STORE_SCHEMA_VERSION);
      goto fail;
    }
  self->schema_version = (int) version;

  /* A damaged file is never written to: not a page of it, not a migration. */
  if (n_tables > 0)
    {
      g_autoptr(sqlite3_stmt) check = _sam_store_prepare (self, "PRAGMA quick_check(1)", error);
      const char *result;

      if (check == NULL)
        goto fail;
      rc = sqlite3_step (check);
      result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (check, 0) : NULL;
      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged, so nothing was read from it or written to it (%s)"),
                       self->path, result != NULL ? result : sqlite3_errmsg (self->db));
          goto fail;
        }
    }

  if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON", error))
    goto fail;
  /* A national cluster's data is tens of megabytes; keep it in memory while it is worked on. */
  if (!_sam_store_exec (self, "PRAGMA cache_size = -32768", error))
    goto fail;
  if (!self->read_only)
    {
      /* Readable by the user alone, whatever it was; the journal SQLite keeps beside it
       * takes the file's mode. */
      if (g_chmod (self->path, 0600) != 0)
        g_debug ("Could not make %s private: %s", self->path, g_strerror (errno));
      if (!_sam_store_exec (self, "PRAGMA journal_mode = WAL", error))
        goto fail;
    }

  if (self->schema_version < SAM_STORE_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                       _("“%s” is from an older version of Samarbejde and needs an upgrade, "
                         "but it can only be read"), self->path);
          goto fail;
        }
      if (self->schema_version > 0 && !write_backup (self, error))
        goto fail;
      if (!migrate (self, error))
        goto fail;
    }

  if (!query_int (self, "PRAGMA data_version", &self->data_version, error))
    goto fail;
  return TRUE;

fail_open:
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
               _("Could not open the database “%s”: %s"), self->path,
               self->db ? sqlite3_errmsg (self->db) : "");
fail:
  g_clear_pointer (&self->db, sqlite3_close);
  return FALSE;
}

static void
sam_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = sam_store_initable_init;
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = (SamStore *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_free (self->backup_day);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->answer_inserts, g_ptr_array_unref);
  g_clear_pointer (&self->savepoints, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->depth > 0)
        g_critical ("A store was finalized inside a transaction; its changes are rolled back");
      sqlite3_close (self->db);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SamStore *self = SAM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SamStore *self = SAM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_store_finalize;
  object_class->get_property = sam_store_get_property;
  object_class->set_property = sam_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamStore::changed:
   *
   * Emitted after a change to the data was committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sam_store_init (SamStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->savepoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->answer_inserts = g_ptr_array_new_with_free_func (finalize_statement);
}

/* Public API */

/**
 * sam_store_new:
 * @path: the database file; created (0600, in a 0700 folder) where it does not exist
 * @error: return location for an error
 *
 * Opens the database, upgrading an older one after writing a backup beside it. A file
 * that is damaged, foreign or from a newer version is left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SamStore *
sam_store_new (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (SAM_TYPE_STORE, NULL, error, "path", path, NULL);
}

/**
 * sam_store_open:
 * @flags: %SAM_STORE_OPEN_EXISTING where a missing file is an error (commands that only
 *   read create nothing)
 *
 * As sam_store_new(). A file this user may not write (or whose folder they may not write)
 * is opened read-only: reads work, and a change fails with a message naming the file.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SamStore *
sam_store_open (const char         *path,
                SamStoreOpenFlags   flags,
                GError            **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (SAM_TYPE_STORE, NULL, error, "path", path, "flags", (guint) flags, NULL);
}

/**
 * sam_store_set_busy_wait:
 * @seconds: how long a change waits for another program that holds the database
 * @func: (nullable): called once a change has waited a second, to say so
 */
void
sam_store_set_busy_wait (SamStore         *self,
                         guint             seconds,
                         SamStoreBusyFunc  func,
                         gpointer          user_data)
{
  g_return_if_fail (SAM_IS_STORE (self));

  self->busy_seconds = seconds;
  self->busy_func = func;
  self->busy_data = user_data;
  self->busy_told = FALSE;
}

static gboolean
check_other_writers (gpointer data)
{
  SamStore *self = data;
  gint64 version = 0;

  /* Inside a transaction the view is this connection's own. */
  if (self->depth == 0 && query_int (self, "PRAGMA data_version", &version, NULL) &&
      version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * sam_store_watch_other_writers:
 * @interval_ms: how often to look, or 0 to stop
 *
 * Emits #SamStore::changed when another program (the command line, another window)
 * committed a change to the same file, so that what is shown is never stale. Looking
 * costs microseconds: SQLite's data_version.
 */
void
sam_store_watch_other_writers (SamStore *self,
                               guint     interval_ms)
{
  g_return_if_fail (SAM_IS_STORE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, check_other_writers, self);
}

/**
 * sam_store_check_other_writers:
 *
 * Looks at once whether another program changed the file, as the watch does.
 */
void
sam_store_check_other_writers (SamStore *self)
{
  g_return_if_fail (SAM_IS_STORE (self));

  check_other_writers (self);
}

const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sam_store_get_backup_path:
 *
 * Returns: (nullable): the copy written before an upgrade when this store was opened
 */
const char *
sam_store_get_backup_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->backup_path;
}

int
sam_store_get_schema_version (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
sam_store_get_summary (SamStore         *self,
                       SamStoreSummary  *summary,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = _sam_store_prepare (self,
                  "SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM clinics),"
                  " (SELECT count(*) FROM rounds), (SELECT count(*) FROM respondents),"
                  " (SELECT count(*) FROM answers)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc);

  summary->n_clusters = sqlite3_column_int (stmt, 0);
  summary->n_clinics = sqlite3_column_int (stmt, 1);
  summary->n_rounds = sqlite3_column_int (stmt, 2);
  summary->n_respondents = sqlite3_column_int (stmt, 3);
  summary->n_answers = sqlite3_column_int (stmt, 4);
  return TRUE;
}

/* Empty means nothing to show: no round and no clinic yet. */
gboolean
sam_store_is_empty (SamStore *self)
{
  SamStoreSummary summary = { 0 };

  g_return_val_if_fail (SAM_IS_STORE (self), TRUE);

  if (!sam_store_get_summary (self, &summary, NULL))
    return TRUE;
  return summary.n_rounds == 0 && summary.n_clinics == 0;
}

/* Settings */

char *
sam_store_get_setting (SamStore   *self,
                       const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _sam_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _sam_store_column_dup (stmt, 0);
}

gboolean
sam_store_set_setting (SamStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = _sam_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = _sam_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  mark_changed (self);
  return TRUE;
}

int
sam_store_get_min_group_size (SamStore *self)
{
  g_autofree char *value = NULL;
  gint64 k;

  g_return_val_if_fail (SAM_IS_STORE (self), SAM_MIN_GROUP_SIZE_DEFAULT);

  value = sam_store_get_setting (self, "min-group-size");
  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX,
                                 &k, NULL))
    return SAM_MIN_GROUP_SIZE_DEFAULT;
  return (int) k;
}

/**
 * sam_store_set_min_group_size:
 * @k: the minimum group size, 1 to 10
 *
 * Asking before going below 3 is the caller's job; the store only keeps the range.
 */
gboolean
sam_store_set_min_group_size (SamStore  *self,
                              int        k,
                              GError   **error)
{
  char value[16];

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (k < SAM_MIN_GROUP_SIZE_MIN || k > SAM_MIN_GROUP_SIZE_MAX)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The minimum group size must be from %d to %d"),
                   SAM_MIN_GROUP_SIZE_MIN, SAM_MIN_GROUP_SIZE_MAX);
      return FALSE;
    }
  g_snprintf (value, sizeof value, "%d", k);
  return sam_store_set_setting (self, "min-group-size", value, error);
}

/**
 * sam_store_get_own_clinic:
 *
 * Returns: the clinic this computer belongs to, or 0 for none (a coordinator)
 */
gint64
sam_store_get_own_clinic (SamStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  /* A clinic that is gone no longer counts. */
  stmt = _sam_store_prepare (self, "SELECT c.id FROM settings s JOIN clinics c ON c.id = CAST (s.value AS INTEGER)"
                        " WHERE s.key = 'own-clinic'", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
sam_store_set_own_clinic (SamStore  *self,
                          gint64     clinic_id,
                          GError   **error)
{
  char value[32];
  gint64 exists = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (clinic_id <= 0)
    return sam_store_set_setting (self, "own-clinic", NULL, error);

  g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, clinic_id);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM clinics WHERE id = %s", value);

    if (!query_int (self, sql, &exists, error))
      return FALSE;
  }
  if (exists == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("There is no such clinic"));
      return FALSE;
    }
  return sam_store_set_setting (self, "own-clinic", value, error);
}

/* Clusters, clinics, rounds */

static gboolean
lookup_or_insert (SamStore    *self,
                  const char  *select_sql,
                  const char  *insert_sql,
                  gint64       parent_id,
                  const char  *key,
                  const char  *extra,
                  gint64      *out_id,
                  GError     **error)
{
  sqlite3_stmt *select = prepare_cached (self, select_sql, error);
  sqlite3_stmt *insert = NULL;
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, key, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (select, 2, parent_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW && out_id != NULL)
    *out_id = sqlite3_column_int64 (select, 0);
  sqlite3_reset (select);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);

  insert = prepare_cached (self, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, key, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (insert, 2, parent_id);
  if (extra != NULL)
    sqlite3_bind_text (insert, 3, extra, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, insert, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  mark_changed (self);
  return TRUE;
}

/* Names are kept without surrounding spaces; @empty_message says what is missing. A name
 * a spreadsheet would run as a formula is refused, as given. */
static char *
clean_name (const char  *name,
            const char  *empty_message,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A name is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, empty_message);
      return NULL;
    }
  if (!sam_name_check (name, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, error))
    return NULL;
  return g_steal_pointer (&clean);
}

gboolean
sam_store_ensure_cluster (SamStore    *self,
                          const char  *name,
                          gint64      *out_id,
                          GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if ((clean = clean_name (name, _("The cluster needs a name"), error)) == NULL)
    return FALSE;
  return lookup_or_insert (self, "SELECT id FROM clusters WHERE name = ?1",
                           "INSERT INTO clusters (name) VALUES (?1)",
                           0, clean, NULL, out_id, error);
}

gboolean
sam_store_ensure_clinic (SamStore    *self,
                         gint64       cluster_id,
                         const char  *code,
                         const char  *name,
                         gint64      *out_id,
                         GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cluster_id > 0, FALSE);

  if ((clean = clean_name (code, _("The clinic needs a code or a name"), error)) == NULL ||
      !sam_name_check (name, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, error))
    return FALSE;
  return lookup_or_insert (self, "SELECT id FROM clinics WHERE code = ?1 AND cluster_id = ?2",
                           "INSERT INTO clinics (code, cluster_id, name) VALUES (?1, ?2, ?3)",
                           cluster_id, clean, name, out_id, error);
}

/* What a clinic is */

static const char *clinic_kind_names[] = { NULL, "solo", "partnership" };

G_STATIC_ASSERT (G_N_ELEMENTS (clinic_kind_names) == SAM_N_CLINIC_KINDS);

/**
 * sam_clinic_kind_to_string:
 *
 * Returns: (nullable): the kind as the database keeps it, or %NULL where it is unknown
 */
const char *
sam_clinic_kind_to_string (SamClinicKind kind)
{
  g_return_val_if_fail (kind < SAM_N_CLINIC_KINDS, NULL);
  return clinic_kind_names[kind];
}

/* @text NULL or unknown gives %SAM_CLINIC_KIND_UNKNOWN, and %FALSE where it was text. */
gboolean
sam_clinic_kind_from_string (const char    *text,
                             SamClinicKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  *kind = SAM_CLINIC_KIND_UNKNOWN;
  if (text == NULL)
    return TRUE;
  for (guint i = 1; i < SAM_N_CLINIC_KINDS; i++)
    if (g_str_equal (text, clinic_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sam_clinic_kind_get_label (SamClinicKind kind)
{
  switch (kind)
    {
    case SAM_CLINIC_KIND_SOLO:
      return _("Solo practice");
    case SAM_CLINIC_KIND_PARTNERSHIP:
      return _("Partnership");
    case SAM_CLINIC_KIND_UNKNOWN:
      return _("Not set");
    case SAM_N_CLINIC_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

/* A solo practice has a solo doctor and staff; a partnership, partners and staff; a clinic
 * nobody has described may have any of them. */
gboolean
sam_clinic_kind_offers_role (SamClinicKind kind,
                             SamRole       role)
{
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);

  switch (kind)
    {
    case SAM_CLINIC_KIND_SOLO:
      return role != SAM_ROLE_PARTNER;
    case SAM_CLINIC_KIND_PARTNERSHIP:
      return role != SAM_ROLE_SOLO;
    case SAM_CLINIC_KIND_UNKNOWN:
    case SAM_N_CLINIC_KINDS:
    default:
      return TRUE;
    }
}

SamClinicKind
sam_store_get_clinic_kind (SamStore *self,
                           gint64    clinic_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SamClinicKind kind = SAM_CLINIC_KIND_UNKNOWN;

  g_return_val_if_fail (SAM_IS_STORE (self), SAM_CLINIC_KIND_UNKNOWN);

  stmt = _sam_store_prepare (self, "SELECT kind FROM clinics WHERE id = ?1", NULL);
  if (stmt == NULL)
    return SAM_CLINIC_KIND_UNKNOWN;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind);
  return kind;
}

gboolean
sam_store_set_clinic_kind (SamStore       *self,
                           gint64          clinic_id,
                           SamClinicKind   kind,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < SAM_N_CLINIC_KINDS, FALSE);

  if (sam_store_get_clinic_kind (self, clinic_id) == kind)
    return TRUE;
  stmt = _sam_store_prepare (self, "UPDATE clinics SET kind = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, clinic_id);
  if (kind == SAM_CLINIC_KIND_UNKNOWN)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_text (stmt, 2, clinic_kind_names[kind], -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("There is no such clinic"));
      return FALSE;
    }
  mark_changed (self);
  return TRUE;
}

/**
 * sam_store_infer_clinic_kinds:
 * @cluster_id: the cluster whose clinics to look at
 *
 * Gives each clinic of the cluster that nobody has described the kind its answers make
 * clear: doctors answering as partners and none as solo make a partnership; one solo
 * doctor a round and no partner, a solo practice. Anything else stays unset, and a kind
 * once set is never changed here.
 */
gboolean
sam_store_infer_clinic_kinds (SamStore  *self,
                              gint64     cluster_id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self,
                             "UPDATE clinics SET kind = CASE"
                             "  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "               AND p.role = 'partner')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'solo')"
                             "  THEN 'partnership'"
                             "  WHEN EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "               AND p.role = 'solo')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'partner')"
                             "   AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "                   AND p.role = 'solo' GROUP BY p.round_id HAVING count(*) > 1)"
                             "  THEN 'solo'"
                             "  END"
                             " WHERE kind IS NULL AND cluster_id = ?1"
                             "  AND EXISTS (SELECT 1 FROM respondents p WHERE p.clinic_id = clinics.id"
                             "              AND p.role IN ('partner', 'solo'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    mark_changed (self);
  return TRUE;
}

gboolean
sam_store_create_round (SamStore    *self,
                        gint64       cluster_id,
                        const char  *label,
                        const char  *date,
                        gint64      *out_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  GDate parsed;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cluster_id > 0, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if ((clean = clean_name (label, _("The round needs a name"), error)) == NULL)
    return FALSE;
  g_date_clear (&parsed, 1);
  if (!sam_date_parse_iso (date, &parsed))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }

  stmt = _sam_store_prepare (self, "INSERT INTO rounds (cluster_id, label, date) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                   _("The cluster already has a round called “%s”"), clean);
      return FALSE;
    }
  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  mark_changed (self);
  return TRUE;
}

gboolean
sam_store_set_round_closed (SamStore  *self,
                            gint64     round_id,
                            gboolean   closed,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if (!closed)
    {
      g_autoptr(SamRound) round = sam_store_get_round (self, round_id, error);

      if (round == NULL)
        return FALSE;
      /* Answers added after its figures went out would give them away by the difference. */
      if (round->published_k > 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("Round “%s” cannot be opened again: its figures have been shared, and "
                         "answers added now would give away, by the difference, what they "
                         "withheld. Late answers go into a new round."), round->label);
          return FALSE;
        }
    }

  stmt = _sam_store_prepare (self, "UPDATE rounds SET closed = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, closed ? 1 : 0);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("There is no such round"));
      return FALSE;
    }

  mark_changed (self);
  return TRUE;
}

gboolean
sam_store_add_round_clinic (SamStore  *self,
                            gint64     round_id,
                            gint64     clinic_id,
                            int        invited,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  /* A negative @invited says nothing about the number, so an existing one stays. */
  stmt = _sam_store_prepare (self, invited >= 0
                        ? "INSERT INTO round_clinics (round_id, clinic_id, invited) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT DO UPDATE SET invited = excluded.invited"
                        : "INSERT INTO round_clinics (round_id, clinic_id) VALUES (?1, ?2)"
                          " ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  if (invited >= 0)
    sqlite3_bind_int (stmt, 3, invited);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;

  mark_changed (self);
  return TRUE;
}

/**
 * sam_store_add_respondent:
 * @answers: (array length=n_answers): the answers given; an item left out is missing
 *
 * Stores one respondent's answers as one change. Every answer is checked against the
 * instrument first: one that is not asked of @role or not an option refuses the whole.
 */
gboolean
sam_store_add_respondent (SamStore         *self,
                          gint64            round_id,
                          gint64            clinic_id,
                          SamRole           role,
                          const SamAnswer  *answers,
                          guint             n_answers,
                          gint64           *out_id,
                          GError          **error)
{
  return sam_store_add_respondent_full (self, round_id, clinic_id, role, NULL, 0,
                                        answers, n_answers, out_id, error);
}

static sqlite3_stmt *
prepare_answer_insert (SamStore  *self,
                       guint      n,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  if (self->answer_inserts->len <= n)
    g_ptr_array_set_size (self->answer_inserts, n + 1);
  stmt = g_ptr_array_index (self->answer_inserts, n);
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new ("INSERT INTO answers (respondent_id, item, code) VALUES ");

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i > 0 ? ", (?, ?, ?)" : "(?, ?, ?)");
      stmt = _sam_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return NULL;
      g_ptr_array_index (self->answer_inserts, n) = stmt;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/**
 * sam_store_add_respondent_full:
 * @external_id: (nullable): the respondent's identifier in a survey tool; unique in a round
 * @import_id: the import the respondent came with, or 0 for one who answered in the app
 *
 * As sam_store_add_respondent().
 */
gboolean
sam_store_add_respondent_full (SamStore         *self,
                               gint64            round_id,
                               gint64            clinic_id,
                               SamRole           role,
                               const char       *external_id,
                               gint64            import_id,
                               const SamAnswer  *answers,
                               guint             n_answers,
                               gint64           *out_id,
                               GError          **error)
{
  SamInstrument *instrument = sam_instrument_get_default ();
  sqlite3_stmt *respondent = NULL;
  sqlite3_stmt *answer = NULL;
  sqlite3_stmt *closed_stmt = NULL;
  sqlite3_stmt *tallied = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean closed;
  gint64 id;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (role < SAM_N_ROLES, FALSE);
  g_return_val_if_fail (answers != NULL || n_answers == 0, FALSE);

  for (guint i = 0; i < n_answers; i++)
    {
      if (!sam_instrument_check_answer (instrument, answers[i].item, role, answers[i].code, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) answers[i].item))
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("Item %s is answered twice"), answers[i].item);
          return FALSE;
        }
    }

  closed_stmt = prepare_cached (self, "SELECT closed FROM rounds WHERE id = ?1", error);
  if (closed_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (closed_stmt, 1, round_id);
  rc = sqlite3_step (closed_stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (closed_stmt);
      if (rc != SQLITE_DONE)
        return _sam_store_set_error (self, error, rc);
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("There is no such round"));
      return FALSE;
    }
  closed = sqlite3_column_int (closed_stmt, 0) != 0;
  sqlite3_reset (closed_stmt);
  if (closed)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The round is closed and takes no new answers"));
      return FALSE;
    }

  /* A clinic whose answers came to the coordinator as tallies would count twice. */
  tallied = prepare_cached (self, "SELECT 1 FROM clinic_tallies WHERE round_id = ?1 AND clinic_id = ?2 LIMIT 1",
                            error);
  if (tallied == NULL)
    return FALSE;
  sqlite3_bind_int64 (tallied, 1, round_id);
  sqlite3_bind_int64 (tallied, 2, clinic_id);
  rc = sqlite3_step (tallied);
  sqlite3_reset (tallied);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The clinic’s answers for this round came as a file from the clinic; "
                             "answers of its own would count twice"));
      return FALSE;
    }

  if (!sam_store_begin (self, error))
    return FALSE;

  respondent = prepare_cached (self, "INSERT INTO respondents (round_id, clinic_id, role, external_id, import_id, source)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (respondent == NULL)
    goto fail;
  sqlite3_bind_int64 (respondent, 1, round_id);
  sqlite3_bind_int64 (respondent, 2, clinic_id);
  sqlite3_bind_text (respondent, 3, sam_role_to_string (role), -1, SQLITE_STATIC);
  if (external_id != NULL)
    sqlite3_bind_text (respondent, 4, external_id, -1, SQLITE_STATIC);
  if (import_id > 0)
    sqlite3_bind_int64 (respondent, 5, import_id);
  sqlite3_bind_text (respondent, 6, import_id > 0 ? "import" : "app", -1, SQLITE_STATIC);
  rc = sqlite3_step (respondent);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && external_id != NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                   _("Respondent “%s” is in the round already"), external_id);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  /* All of a respondent's answers in one statement: an import stores hundreds of
   * thousands, and a statement per answer would be most of its time. */
  if (n_answers > 0)
    {
      answer = prepare_answer_insert (self, n_answers, error);
      if (answer == NULL)
        goto fail;
      for (guint i = 0; i < n_answers; i++)
        {
          sqlite3_bind_int64 (answer, 3 * i + 1, id);
          sqlite3_bind_text (answer, 3 * i + 2, answers[i].item, -1, SQLITE_STATIC);
          sqlite3_bind_int (answer, 3 * i + 3, answers[i].code);
        }
      if (!_sam_store_step_done (self, answer, error))
        goto fail;
    }

  mark_changed (self);
  if (!sam_store_commit (self, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  sam_store_rollback (self);
  return FALSE;
}

/* Managing rounds */

/* Runs a change to one row, named by its id as ?1. */
static gboolean
change_by_id (SamStore    *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sam_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  mark_changed (self);
  return TRUE;
}


gboolean
sam_store_rename_round (SamStore    *self,
                        gint64       round_id,
                        const char  *label,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  if ((clean = clean_name (label, _("The round needs a name"), error)) == NULL)
    return FALSE;
  stmt = _sam_store_prepare (self, "UPDATE rounds SET label = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_EXISTS,
                   _("The cluster already has a round called “%s”"), clean);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("There is no such round"));
      return FALSE;
    }
  mark_changed (self);
  return TRUE;
}

/**
 * sam_store_count_round_data:
 * @n_respondents: (out) (optional): respondents in the round
 * @n_answers: (out) (optional): their answers
 *
 * What deleting the round would take with it, to say so before asking.
 */
gboolean
sam_store_count_round_data (SamStore  *self,
                            gint64     round_id,
                            guint     *n_respondents,
                            guint     *n_answers,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "SELECT (SELECT count(*) FROM respondents WHERE round_id = ?1),"
                        " (SELECT count(*) FROM answers a JOIN respondents p ON p.id = a.respondent_id"
                        "  WHERE p.round_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _sam_store_set_error (self, error, rc);
  if (n_respondents != NULL)
    *n_respondents = sqlite3_column_int (stmt, 0);
  if (n_answers != NULL)
    *n_answers = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Deletes the round with everything in it: respondents, answers, imports, tallies, drafts. */
gboolean
sam_store_delete_round (SamStore  *self,
                        gint64     round_id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_by_id (self, "DELETE FROM rounds WHERE id = ?1", round_id, error);
}

void
sam_round_clinic_free (SamRoundClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->code);
  g_free (clinic);
}

static gpointer
round_clinic_from_row (sqlite3_stmt *stmt)
{
  SamRoundClinic *clinic = g_new0 (SamRoundClinic, 1);

  clinic->clinic_id = sqlite3_column_int64 (stmt, 0);
  clinic->code = _sam_store_column_dup (stmt, 1);
  clinic->taking_part = sqlite3_column_int (stmt, 2) != 0;
  clinic->invited = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3);
  clinic->n_respondents = sqlite3_column_int (stmt, 4);
  sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &clinic->kind);
  return clinic;
}

/**
 * sam_store_list_round_clinics:
 *
 * Returns: (transfer full) (element-type SamRoundClinic): every clinic of the round's
 *   cluster, whether it takes part in the round, how many it invited, and how many answered
 */
GPtrArray *
sam_store_list_round_clinics (SamStore  *self,
                              gint64     round_id,
                              GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT c.id, c.code, rc.round_id IS NOT NULL, rc.invited,"
                          " (SELECT count(*) FROM respondents p WHERE p.round_id = ?1 AND p.clinic_id = c.id),"
                          " c.kind"
                          " FROM clinics c JOIN rounds r ON r.cluster_id = c.cluster_id AND r.id = ?1"
                          " LEFT JOIN round_clinics rc ON rc.round_id = r.id AND rc.clinic_id = c.id"
                          " ORDER BY length(c.code), c.code", round_id,
                    round_clinic_from_row, (GDestroyNotify) sam_round_clinic_free, error);
}

/* A clinic leaves a round only while none of its people has answered in it. */
gboolean
sam_store_remove_round_clinic (SamStore  *self,
                               gint64     round_id,
                               gint64     clinic_id,
                               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "DELETE FROM round_clinics WHERE round_id = ?1 AND clinic_id = ?2"
                        " AND NOT EXISTS (SELECT 1 FROM respondents WHERE round_id = ?1 AND clinic_id = ?2)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, clinic_id);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  mark_changed (self);
  return TRUE;
}

/* Drafts: a questionnaire being answered on this computer */

/**
 * sam_store_save_draft:
 * @draft_id: (inout): 0 for a new draft, which gets its id here
 * @answers: the answers so far, as "q1=2;q5d=9"
 */
gboolean
sam_store_save_draft (SamStore    *self,
                      gint64      *draft_id,
                      gint64       round_id,
                      gint64       clinic_id,
                      SamRole      role,
                      const char  *answers,
                      int          page,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  if (*draft_id > 0)
    stmt = _sam_store_prepare (self, "UPDATE drafts SET answers = ?2, page = ?3, updated = ?4 WHERE id = ?1", error);
  else
    stmt = _sam_store_prepare (self, "INSERT INTO drafts (round_id, clinic_id, role, answers, page, updated)"
                          " VALUES (?5, ?6, ?7, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  if (*draft_id > 0)
    sqlite3_bind_int64 (stmt, 1, *draft_id);
  sqlite3_bind_text (stmt, 2, answers, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, page);
  sqlite3_bind_text (stmt, 4, stamp, -1, SQLITE_STATIC);
  if (*draft_id == 0)
    {
      sqlite3_bind_int64 (stmt, 5, round_id);
      sqlite3_bind_int64 (stmt, 6, clinic_id);
      sqlite3_bind_text (stmt, 7, sam_role_to_string (role), -1, SQLITE_STATIC);
    }
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (*draft_id == 0)
    *draft_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
sam_store_delete_draft (SamStore  *self,
                        gint64     draft_id,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_by_id (self, "DELETE FROM drafts WHERE id = ?1", draft_id, error);
}

void
sam_draft_free (SamDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->answers);
  g_free (draft->round_label);
  g_free (draft->clinic_code);
  g_free (draft->updated);
  g_free (draft);
}

static gpointer
draft_from_row (sqlite3_stmt *stmt)
{
  SamDraft *draft = g_new0 (SamDraft, 1);

  draft->id = sqlite3_column_int64 (stmt, 0);
  draft->round_id = sqlite3_column_int64 (stmt, 1);
  draft->clinic_id = sqlite3_column_int64 (stmt, 2);
  if (!sam_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &draft->role))
    draft->role = SAM_ROLE_PARTNER;
  draft->answers = _sam_store_column_dup (stmt, 4);
  draft->page = sqlite3_column_int (stmt, 5);
  draft->round_label = _sam_store_column_dup (stmt, 6);
  draft->clinic_code = _sam_store_column_dup (stmt, 7);
  draft->updated = _sam_store_column_dup (stmt, 8);
  return draft;
}

/**
 * sam_store_list_drafts:
 *
 * Returns: (transfer full) (element-type SamDraft): the drafts of open rounds, newest first
 */
GPtrArray *
sam_store_list_drafts (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT d.id, d.round_id, d.clinic_id, d.role, d.answers, d.page, r.label, c.code,"
                          " d.updated FROM drafts d JOIN rounds r ON r.id = d.round_id"
                          " JOIN clinics c ON c.id = d.clinic_id"
                          " WHERE r.closed = 0 ORDER BY d.updated DESC, d.id DESC", 0,
                    draft_from_row, (GDestroyNotify) sam_draft_free, error);
}

/* Rounds by name, and imports */

/**
 * sam_store_find_round:
 * @out_id: (out) (optional): the round, where found
 * @out_closed: (out) (optional): whether it is closed
 *
 * Returns: %TRUE where the cluster has a round called @label
 */
gboolean
sam_store_find_round (SamStore   *self,
                      gint64      cluster_id,
                      const char *label,
                      gint64     *out_id,
                      gboolean   *out_closed)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  stmt = prepare_cached (self, "SELECT id, closed FROM rounds WHERE cluster_id = ?1 AND label = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  if (out_closed != NULL)
    *out_closed = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sam_store_find_clinic (SamStore   *self,
                       gint64      cluster_id,
                       const char *code,
                       gint64     *out_id)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  stmt = prepare_cached (self, "SELECT id FROM clinics WHERE cluster_id = ?1 AND code = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sam_store_respondent_exists (SamStore   *self,
                             gint64      round_id,
                             const char *external_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (external_id != NULL, FALSE);

  stmt = prepare_cached (self, "SELECT 1 FROM respondents WHERE round_id = ?1 AND external_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * sam_store_find_import:
 * @kind: what was imported, e.g. "survey"
 * @sha256: the file's checksum
 * @out_date: (out) (optional) (transfer full): when it was imported
 *
 * Returns: %TRUE where the same file was imported into the round before
 */
gboolean
sam_store_find_import (SamStore    *self,
                       gint64       round_id,
                       const char  *kind,
                       const char  *sha256,
                       char       **out_date)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = prepare_cached (self, "SELECT imported FROM imports WHERE round_id = ?1 AND kind = ?2 AND sha256 = ?3",
                         NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (out_date != NULL)
    *out_date = _sam_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sam_store_add_import (SamStore    *self,
                      gint64       round_id,
                      const char  *kind,
                      const char  *filename,
                      const char  *sha256,
                      gint64      *out_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  stmt = _sam_store_prepare (self, "INSERT INTO imports (round_id, kind, filename, sha256, imported)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  if (!_sam_store_step_done (self, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->db);

  mark_changed (self);
  return TRUE;
}

/**
 * sam_store_delete_import:
 *
 * Takes back an import: its respondents and their answers go with it.
 */
gboolean
sam_store_delete_import (SamStore  *self,
                         gint64     import_id,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_by_id (self, "DELETE FROM imports WHERE id = ?1", import_id, error);
}

/* For undoing an import: a round or clinic it created goes again where nothing else uses
 * it (answers, other imports, a clinic's tallies, this computer's own clinic). */
gboolean
sam_store_delete_round_if_unused (SamStore  *self,
                                  gint64     round_id,
                                  GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_by_id (self, "DELETE FROM rounds WHERE id = ?1"
                             " AND NOT EXISTS (SELECT 1 FROM respondents WHERE round_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM imports WHERE round_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM clinic_tallies WHERE round_id = ?1)",
                       round_id, error);
}

gboolean
sam_store_delete_clinic_if_unused (SamStore  *self,
                                   gint64     clinic_id,
                                   GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return change_by_id (self, "DELETE FROM clinics WHERE id = ?1"
                             " AND NOT EXISTS (SELECT 1 FROM respondents WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM clinic_tallies WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM meetings WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM plan_actions WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM plan_follow_ups WHERE clinic_id = ?1)"
                             " AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'own-clinic'"
                             "                 AND CAST (value AS INTEGER) = ?1)",
                       clinic_id, error);
}

/* Listing */

void
sam_cluster_free (SamCluster *cluster)
{
  if (cluster == NULL)
    return;
  g_free (cluster->name);
  g_free (cluster);
}

void
sam_clinic_free (SamClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->code);
  g_free (clinic->name);
  g_free (clinic->cluster_name);
  g_free (clinic);
}

void
sam_round_free (SamRound *round)
{
  if (round == NULL)
    return;
  g_free (round->cluster_name);
  g_free (round->label);
  g_free (round->date);
  g_free (round);
}

static gpointer
cluster_from_row (sqlite3_stmt *stmt)
{
  SamCluster *cluster = g_new0 (SamCluster, 1);

  cluster->id = sqlite3_column_int64 (stmt, 0);
  cluster->name = _sam_store_column_dup (stmt, 1);
  return cluster;
}

/**
 * sam_store_list_clusters:
 *
 * Returns: (transfer full) (element-type SamCluster): the clusters by name
 */
GPtrArray *
sam_store_list_clusters (SamStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT id, name FROM clusters ORDER BY name", 0,
                    cluster_from_row, (GDestroyNotify) sam_cluster_free, error);
}

static gpointer
clinic_from_row (sqlite3_stmt *stmt)
{
  SamClinic *clinic = g_new0 (SamClinic, 1);

  clinic->id = sqlite3_column_int64 (stmt, 0);
  clinic->cluster_id = sqlite3_column_int64 (stmt, 1);
  clinic->code = _sam_store_column_dup (stmt, 2);
  clinic->name = _sam_store_column_dup (stmt, 3);
  clinic->cluster_name = _sam_store_column_dup (stmt, 4);
  sam_clinic_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &clinic->kind);
  return clinic;
}

/**
 * sam_store_list_clinics:
 *
 * Returns: (transfer full) (element-type SamClinic): the clinics by cluster and code, codes
 *   that are numbers in numeric order
 */
GPtrArray *
sam_store_list_clinics (SamStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, "SELECT c.id, c.cluster_id, c.code, c.name, k.name, c.kind"
                          " FROM clinics c JOIN clusters k ON k.id = c.cluster_id"
                          " ORDER BY k.name, length(c.code), c.code", 0,
                    clinic_from_row, (GDestroyNotify) sam_clinic_free, error);
}

static gpointer
round_from_row (sqlite3_stmt *stmt)
{
  SamRound *round = g_new0 (SamRound, 1);

  round->id = sqlite3_column_int64 (stmt, 0);
  round->cluster_id = sqlite3_column_int64 (stmt, 1);
  round->cluster_name = _sam_store_column_dup (stmt, 2);
  round->label = _sam_store_column_dup (stmt, 3);
  round->date = _sam_store_column_dup (stmt, 4);
  round->closed = sqlite3_column_int (stmt, 5) != 0;
  round->n_clinics = sqlite3_column_int (stmt, 6);
  round->n_respondents = sqlite3_column_int (stmt, 7);
  round->n_invited = sqlite3_column_int (stmt, 8);
  round->published_k = sqlite3_column_int (stmt, 9);
  round->received_k = sqlite3_column_int (stmt, 10);
  round->n_tallied = sqlite3_column_int (stmt, 11);
  return round;
}

#define ROUND_COLUMNS \
  "SELECT r.id, r.cluster_id, k.name, r.label, r.date, r.closed," \
  " (SELECT count(DISTINCT clinic_id) FROM respondents WHERE round_id = r.id)," \
  " (SELECT count(*) FROM respondents WHERE round_id = r.id)," \
  " (SELECT coalesce (sum (invited), 0) FROM round_clinics WHERE round_id = r.id)," \
  " coalesce (r.published_k, 0)," \
  " coalesce ((SELECT f.k FROM received_figures f WHERE f.round_id = r.id), 0)," \
  " (SELECT count(DISTINCT clinic_id) FROM clinic_tallies WHERE round_id = r.id)" \
  " FROM rounds r JOIN clusters k ON k.id = r.cluster_id"

/**
 * sam_store_get_round:
 *
 * Returns: (transfer full): the round, or %NULL with @error set where there is none
 */
SamRound *
sam_store_get_round (SamStore  *self,
                     gint64     round_id,
                     GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  rows = _sam_store_list_rows (self, ROUND_COLUMNS " WHERE r.id = ?1", round_id,
                               round_from_row, (GDestroyNotify) sam_round_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("There is no such round"));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * sam_store_get_round_k:
 *
 * Returns: the minimum group size the round's figures are made with: the one it was
 *   published with, or the one its cluster's figures file was made with, or else the
 *   saved setting
 */
int
sam_store_get_round_k (SamStore       *self,
                       const SamRound *round)
{
  g_return_val_if_fail (SAM_IS_STORE (self), SAM_MIN_GROUP_SIZE_DEFAULT);
  g_return_val_if_fail (round != NULL, SAM_MIN_GROUP_SIZE_DEFAULT);

  if (round->published_k > 0)
    return round->published_k;
  if (round->received_k > 0)
    return round->received_k;
  return sam_store_get_min_group_size (self);
}

/**
 * sam_round_can_publish:
 *
 * Returns: whether the round's figures may leave the app: it is closed, or its figures
 *   came from the coordinator in a cluster's figures file
 */
gboolean
sam_round_can_publish (const SamRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);

  return round->closed || round->received_k > 0;
}

/**
 * sam_round_has_figures:
 *
 * Returns: whether there is anything to show of the round: answers, a clinic's tallies
 *   or the cluster's figures file
 */
gboolean
sam_round_has_figures (const SamRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);

  return round->n_respondents > 0 || round->n_tallied > 0 || round->received_k > 0;
}

/**
 * sam_store_publish_round:
 * @k: the minimum group size asked for, or 0 for the round's own (or the saved setting)
 * @record: whether this is a publication (the cluster's view leaving the app), which fixes
 *   the round's k; %FALSE only checks, for a clinic's own view, which must show the same
 *   pattern as the cluster's
 * @out_k: (out) (optional): the minimum group size to publish with
 *
 * One publication a round (instrument contract, "Anonymity"): a round's figures leave the
 * app only once it is closed, and always at the same k, recorded here the first time. Two
 * publications that differ would give away what each withholds.
 */
gboolean
sam_store_publish_round (SamStore  *self,
                         gint64     round_id,
                         int        k,
                         gboolean   record,
                         int       *out_k,
                         GError   **error)
{
  g_autoptr(SamRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int fixed;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (k == 0 || (k >= SAM_MIN_GROUP_SIZE_MIN && k <= SAM_MIN_GROUP_SIZE_MAX), FALSE);

  round = sam_store_get_round (self, round_id, error);
  if (round == NULL)
    return FALSE;
  if (!sam_round_can_publish (round))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("Round “%s” is still open. Close it first: its figures are shared once, "
                     "when no more answers can change them"), round->label);
      return FALSE;
    }

  fixed = round->published_k > 0 ? round->published_k : round->received_k;
  if (fixed > 0 && k > 0 && k != fixed)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   round->published_k > 0
                   ? _("Round “%s” was shared with a minimum group size of %d, so it cannot be "
                       "shared with %d: the two sets of figures side by side would give away "
                       "what each withholds")
                   : _("The figures of round “%s” came from the coordinator with a minimum group "
                       "size of %d, so they cannot be shared with %d: the two sets of figures "
                       "side by side would give away what each withholds"),
                   round->label, fixed, k);
      return FALSE;
    }
  if (fixed == 0)
    fixed = k > 0 ? k : sam_store_get_min_group_size (self);

  if (record && round->published_k == 0 && round->received_k == 0)
    {
      stmt = _sam_store_prepare (self, "UPDATE rounds SET published_k = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int (stmt, 2, fixed);
      if (!_sam_store_step_done (self, stmt, error))
        return FALSE;
      mark_changed (self);
    }
  if (out_k != NULL)
    *out_k = fixed;
  return TRUE;
}

/**
 * sam_store_list_rounds:
 *
 * Returns: (transfer full) (element-type SamRound): the rounds, newest first
 */
GPtrArray *
sam_store_list_rounds (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_list_rows (self, ROUND_COLUMNS " ORDER BY r.date DESC, r.id DESC", 0,
                    round_from_row, (GDestroyNotify) sam_round_free, error);
}

/* Helpers for the core modules that keep rows of their own (sam-store-private.h) */

gboolean
_sam_store_set_invalid (GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

sqlite3_stmt *
_sam_store_prepare (SamStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc);
      return NULL;
    }
  if (!sqlite3_stmt_readonly (stmt))
    backup_before_change (self);
  return stmt;
}

/* NULL is bound as SQL NULL. */
void
_sam_store_bind_text (sqlite3_stmt *stmt,
                      int           column,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

char *
_sam_store_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
_sam_store_step_done (SamStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _sam_store_set_error (self, error, rc);
  return TRUE;
}

/* Ends a change begun with sam_store_begin(): kept where @ok, else rolled back. */
gboolean
_sam_store_finish (SamStore  *self,
                   gboolean   ok,
                   GError   **error)
{
  if (!ok)
    {
      sam_store_rollback (self);
      return FALSE;
    }
  return sam_store_commit (self, error);
}

/* A time as the store keeps it: ISO 8601 in UTC; now where @when is NULL. */
char *
_sam_store_format_utc (GDateTime *when)
{
  g_autoptr(GDateTime) utc = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_sam_store_check_text (const char  *text,
                       GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return _sam_store_set_invalid (error, "%s", _("The text is not valid UTF-8"));
  return TRUE;
}

gboolean
_sam_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
