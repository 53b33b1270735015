/* sam-store.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_STORE_ERROR (sam_store_error_quark ())

typedef enum
{
  SAM_STORE_ERROR_OPEN,           /* the file could not be opened or created */
  SAM_STORE_ERROR_CORRUPT,        /* not a database, or a damaged one */
  SAM_STORE_ERROR_NEWER_VERSION,  /* written by a newer version of the app */
  SAM_STORE_ERROR_BACKUP,         /* the copy before an upgrade could not be written */
  SAM_STORE_ERROR_FAILED,         /* any other database error */
  SAM_STORE_ERROR_INVALID,        /* the change breaks a rule of the data */
  SAM_STORE_ERROR_EXISTS,         /* a name that must be unique is taken */
  SAM_STORE_ERROR_MISSING,        /* there is no such database, and none was created */
  SAM_STORE_ERROR_READ_ONLY,      /* the file can only be read */
  SAM_STORE_ERROR_FULL,           /* as many have voted as take part in the meeting */
} SamStoreError;

typedef enum
{
  SAM_STORE_OPEN_DEFAULT    = 0,
  SAM_STORE_OPEN_EXISTING   = 1 << 0,   /* a missing file is an error: nothing is created */
  SAM_STORE_OPEN_NO_BACKUPS = 1 << 1,   /* no copy of the day (the demo, tests of other things) */
} SamStoreOpenFlags;

/* The newest schema this build knows (PRAGMA user_version). */
#define SAM_STORE_SCHEMA_VERSION 7

#define SAM_TYPE_STORE (sam_store_get_type ())
G_DECLARE_FINAL_TYPE (SamStore, sam_store, SAM, STORE, GObject)

typedef struct
{
  gint64  id;
  char   *name;
} SamCluster;

/* What a clinic is: it decides which doctors' role its people answer as, and whether a
 * doctor's figure is one person's. */
typedef enum
{
  SAM_CLINIC_KIND_UNKNOWN,       /* nobody has said, and its answers do not make it clear */
  SAM_CLINIC_KIND_SOLO,          /* one doctor (a solo practice), with or without staff */
  SAM_CLINIC_KIND_PARTNERSHIP,   /* more than one doctor, in partnership */
  SAM_N_CLINIC_KINDS
} SamClinicKind;

typedef struct
{
  gint64         id;
  gint64         cluster_id;
  char          *code;
  char          *name;
  char          *cluster_name;
  SamClinicKind  kind;
} SamClinic;

typedef struct
{
  gint64    id;
  gint64    cluster_id;
  char     *cluster_name;
  char     *label;
  char     *date;          /* ISO 8601, YYYY-MM-DD */
  gboolean  closed;
  guint     n_clinics;     /* clinics with respondents */
  guint     n_respondents;
  guint     n_invited;     /* the invited of the clinics taking part; 0 where not given */
  int       published_k;   /* the k its figures were published with; 0 where not yet */
  int       received_k;    /* the k of the cluster's figures file taken in; 0 where none */
  guint     n_tallied;     /* clinics whose tallies came as a file */
} SamRound;

typedef struct
{
  gint64         clinic_id;
  char          *code;
  gboolean       taking_part;
  int            invited;        /* -1 where not given */
  guint          n_respondents;
  SamClinicKind  kind;
} SamRoundClinic;

typedef struct
{
  guint n_clusters;
  guint n_clinics;
  guint n_rounds;
  guint n_respondents;
  guint n_answers;
} SamStoreSummary;

/* A questionnaire being answered on this computer, not yet submitted. */
typedef struct
{
  gint64   id;
  gint64   round_id;
  gint64   clinic_id;
  SamRole  role;
  char    *answers;        /* "q1=2;q5d=9" */
  int      page;
  char    *round_label;
  char    *clinic_code;
  char    *updated;
} SamDraft;

/* One answer given: an item code and the answer code (SAM_ANSWER_NOT_APPLICABLE for n/a). */
typedef struct
{
  const char *item;
  int         code;
} SamAnswer;

GQuark      sam_store_error_quark             (void);

typedef void (*SamStoreBusyFunc) (SamStore *store,
                                  gpointer  user_data);

SamStore   *sam_store_new                     (const char        *path,
                                               GError           **error);
SamStore   *sam_store_open                    (const char        *path,
                                               SamStoreOpenFlags  flags,
                                               GError           **error);
void        sam_store_set_busy_wait           (SamStore          *self,
                                               guint              seconds,
                                               SamStoreBusyFunc   func,
                                               gpointer           user_data);
void        sam_store_watch_other_writers     (SamStore          *self,
                                               guint              interval_ms);
void        sam_store_check_other_writers     (SamStore          *self);
const char *sam_store_get_path                (SamStore          *self);
const char *sam_store_get_backup_path         (SamStore          *self);
int         sam_store_get_schema_version      (SamStore          *self);

gboolean    sam_store_get_summary             (SamStore          *self,
                                               SamStoreSummary   *summary,
                                               GError           **error);
gboolean    sam_store_is_empty                (SamStore          *self);

/* Settings that travel with the data. */
int         sam_store_get_min_group_size      (SamStore          *self);
char       *sam_min_group_size_warning        (int                k);
gboolean    sam_store_set_min_group_size      (SamStore          *self,
                                               int                k,
                                               GError           **error);
gint64      sam_store_get_own_clinic          (SamStore          *self);
gboolean    sam_store_set_own_clinic          (SamStore          *self,
                                               gint64             clinic_id,
                                               GError           **error);
char       *sam_store_get_setting             (SamStore          *self,
                                               const char        *key);
gboolean    sam_store_set_setting             (SamStore          *self,
                                               const char        *key,
                                               const char        *value,
                                               GError           **error);

/* Clusters, clinics, rounds, respondents. */
gboolean    sam_store_ensure_cluster          (SamStore          *self,
                                               const char        *name,
                                               gint64            *out_id,
                                               GError           **error);
gboolean    sam_store_ensure_clinic           (SamStore          *self,
                                               gint64             cluster_id,
                                               const char        *code,
                                               const char        *name,
                                               gint64            *out_id,
                                               GError           **error);
SamClinicKind sam_store_get_clinic_kind       (SamStore          *self,
                                               gint64             clinic_id);
gboolean    sam_store_set_clinic_kind         (SamStore          *self,
                                               gint64             clinic_id,
                                               SamClinicKind      kind,
                                               GError           **error);
gboolean    sam_store_infer_clinic_kinds      (SamStore          *self,
                                               gint64             cluster_id,
                                               GError           **error);
const char *sam_clinic_kind_to_string         (SamClinicKind      kind);
gboolean    sam_clinic_kind_from_string       (const char        *text,
                                               SamClinicKind     *kind);
const char *sam_clinic_kind_get_label         (SamClinicKind      kind);
gboolean    sam_clinic_kind_offers_role       (SamClinicKind      kind,
                                               SamRole            role);
gboolean    sam_store_create_round            (SamStore          *self,
                                               gint64             cluster_id,
                                               const char        *label,
                                               const char        *date,
                                               gint64            *out_id,
                                               GError           **error);
gboolean    sam_store_set_round_closed        (SamStore          *self,
                                               gint64             round_id,
                                               gboolean           closed,
                                               GError           **error);
SamRound   *sam_store_get_round               (SamStore          *self,
                                               gint64             round_id,
                                               GError           **error);
int         sam_store_get_round_k             (SamStore          *self,
                                               const SamRound    *round);
gboolean    sam_round_can_publish             (const SamRound    *round);
gboolean    sam_round_has_figures             (const SamRound    *round);
gboolean    sam_store_publish_round           (SamStore          *self,
                                               gint64             round_id,
                                               int                k,
                                               gboolean           record,
                                               int               *out_k,
                                               GError           **error);
gboolean    sam_store_add_round_clinic        (SamStore          *self,
                                               gint64             round_id,
                                               gint64             clinic_id,
                                               int                invited,
                                               GError           **error);
gboolean    sam_store_add_respondent          (SamStore          *self,
                                               gint64             round_id,
                                               gint64             clinic_id,
                                               SamRole            role,
                                               const SamAnswer   *answers,
                                               guint              n_answers,
                                               gint64            *out_id,
                                               GError           **error);

gboolean    sam_store_add_respondent_full     (SamStore          *self,
                                               gint64             round_id,
                                               gint64             clinic_id,
                                               SamRole            role,
                                               const char        *external_id,
                                               gint64             import_id,
                                               const SamAnswer   *answers,
                                               guint              n_answers,
                                               gint64            *out_id,
                                               GError           **error);
gboolean    sam_store_find_round              (SamStore          *self,
                                               gint64             cluster_id,
                                               const char        *label,
                                               gint64            *out_id,
                                               gboolean          *out_closed);
gboolean    sam_store_find_clinic             (SamStore          *self,
                                               gint64             cluster_id,
                                               const char        *code,
                                               gint64            *out_id);
gboolean    sam_store_respondent_exists       (SamStore          *self,
                                               gint64             round_id,
                                               const char        *external_id);

/* Imported files: recognised when they come again, and taken back as a whole. */
gboolean    sam_store_find_import             (SamStore          *self,
                                               gint64             round_id,
                                               const char        *kind,
                                               const char        *sha256,
                                               char             **out_date);
gboolean    sam_store_add_import              (SamStore          *self,
                                               gint64             round_id,
                                               const char        *kind,
                                               const char        *filename,
                                               const char        *sha256,
                                               gint64            *out_id,
                                               GError           **error);
gboolean    sam_store_delete_import           (SamStore          *self,
                                               gint64             import_id,
                                               GError           **error);
gboolean    sam_store_delete_round_if_unused  (SamStore          *self,
                                               gint64             round_id,
                                               GError           **error);
gboolean    sam_store_delete_clinic_if_unused (SamStore          *self,
                                               gint64             clinic_id,
                                               GError           **error);

gboolean    sam_store_rename_round            (SamStore          *self,
                                               gint64             round_id,
                                               const char        *label,
                                               GError           **error);
gboolean    sam_store_count_round_data        (SamStore          *self,
                                               gint64             round_id,
                                               guint             *n_respondents,
                                               guint             *n_answers,
                                               GError           **error);
gboolean    sam_store_delete_round            (SamStore          *self,
                                               gint64             round_id,
                                               GError           **error);

GPtrArray  *sam_store_list_round_clinics      (SamStore          *self,
                                               gint64             round_id,
                                               GError           **error);
gboolean    sam_store_remove_round_clinic     (SamStore          *self,
                                               gint64             round_id,
                                               gint64             clinic_id,
                                               GError           **error);
void        sam_round_clinic_free             (SamRoundClinic    *clinic);

gboolean    sam_store_save_draft              (SamStore          *self,
                                               gint64            *draft_id,
                                               gint64             round_id,
                                               gint64             clinic_id,
                                               SamRole            role,
                                               const char        *answers,
                                               int                page,
                                               GError           **error);
gboolean    sam_store_delete_draft            (SamStore          *self,
                                               gint64             draft_id,
                                               GError           **error);
GPtrArray  *sam_store_list_drafts             (SamStore          *self,
                                               GError           **error);
void        sam_draft_free                    (SamDraft          *draft);

GPtrArray  *sam_store_list_clusters           (SamStore          *self,
                                               GError           **error);
GPtrArray  *sam_store_list_clinics            (SamStore          *self,
                                               GError           **error);
GPtrArray  *sam_store_list_rounds             (SamStore          *self,
                                               GError           **error);

/* Several changes as one: all of them or none. */
gboolean    sam_store_begin                   (SamStore          *self,
                                               GError           **error);
gboolean    sam_store_commit                  (SamStore          *self,
                                               GError           **error);
void        sam_store_rollback                (SamStore          *self);
gboolean    sam_store_in_transaction          (SamStore          *self);

void        sam_cluster_free                  (SamCluster        *cluster);
void        sam_clinic_free                   (SamClinic         *clinic);
void        sam_round_free                    (SamRound          *round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamCluster, sam_cluster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamClinic, sam_clinic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRound, sam_round_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDraft, sam_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRoundClinic, sam_round_clinic_free)

G_END_DECLS
