/* sam-backups.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Copies of the database beside it, readable by the user alone (0600), made with SQLite's
 * backup API so that a copy is whole even while the app works:
 *
 *   samarbejde.db.20261202-081500.bak              before the first change of a day
 *   samarbejde.db.v4-20261202-081500.bak           before an upgrade from version 4
 *   samarbejde.db.20261202-081500.replaced.bak     the file a restore replaced
 *
 * The last SAM_BACKUPS_KEPT daily copies are kept; the others stay until removed by hand. */

#define SAM_BACKUPS_KEPT 7

typedef enum
{
  SAM_BACKUP_DAILY,
  SAM_BACKUP_UPGRADE,
  SAM_BACKUP_REPLACED,
} SamBackupKind;

typedef struct
{
  char          *path;
  char          *stamp;           /* "20261202-081500", local time */
  GDateTime     *when;
  SamBackupKind  kind;
  gboolean       readable;        /* whether it opened as a Samarbejde database */
  guint          n_rounds;
  guint          n_respondents;
} SamBackup;

void        sam_backup_free          (SamBackup     *backup);

int         sam_backups_create_private (const char  *path);

char       *sam_backups_write        (sqlite3       *db,
                                      const char    *db_path,
                                      SamBackupKind  kind,
                                      int            version,
                                      GError       **error);
GPtrArray  *sam_backups_list         (const char    *db_path);
gboolean    sam_backups_has_today    (const char    *db_path);
void        sam_backups_prune        (const char    *db_path);
gboolean    sam_backups_restore      (const char    *db_path,
                                      const char    *backup_path,
                                      char         **replaced_path,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamBackup, sam_backup_free)

G_END_DECLS
