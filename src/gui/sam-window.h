/* sam-window.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-cluster-file.h"
#include "sam-context.h"
#include "sam-dialogs.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())
G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

SamWindow  *sam_window_new             (GtkApplication *application,
                                        SamContext     *context);
SamContext *sam_window_get_context     (SamWindow      *self);
void        sam_window_show_open_error (SamWindow      *self,
                                        const char     *message,
                                        gboolean        has_backups);
void        sam_window_show_section    (SamWindow      *self,
                                        const char     *name);
GtkWidget  *sam_window_get_section_page (SamWindow     *self,
                                         const char    *name);
void        sam_window_add_toast       (SamWindow      *self,
                                        AdwToast       *toast);

GtkWindow  *sam_window_open_survey      (SamWindow      *self,
                                         GFile          *file);
GtkWindow  *sam_window_ask_close_round  (SamWindow          *self,
                                         gint64              round_id,
                                         SamRoundClosedFunc  func,
                                         gpointer            user_data);
void        sam_window_export_results   (SamWindow           *self,
                                         GFile               *file,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *sam_window_export_results_finish (SamWindow     *self,
                                              GAsyncResult  *result,
                                              GError       **error);
GtkWindow  *sam_window_ask_export_tallies  (SamWindow   *self,
                                            gint64       round_id);
void        sam_window_write_cluster_file  (SamWindow           *self,
                                            gboolean             figures,
                                            gint64               round_id,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    sam_window_write_cluster_file_finish (SamWindow     *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);
gboolean    sam_window_import_cluster_file (SamWindow   *self,
                                            GFile       *file,
                                            gboolean     add_new,
                                            SamClusterFileResult *result,
                                            GError     **error);
gboolean    sam_window_import_reference (SamWindow      *self,
                                         GFile          *file,
                                         guint          *n_rows,
                                         GPtrArray     **replaced,
                                         GError        **error);
GtkWindow  *sam_window_ask_rename_round (SamWindow      *self,
                                         gint64          round_id);
GtkWindow  *sam_window_ask_delete_round (SamWindow      *self,
                                         gint64          round_id);

G_END_DECLS
