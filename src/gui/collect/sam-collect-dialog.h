/* sam-collect-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-collect.h"
#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_COLLECT_DIALOG (sam_collect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamCollectDialog, sam_collect_dialog, SAM, COLLECT_DIALOG, AdwWindow)

SamCollectDialog *sam_collect_dialog_new            (GtkWindow        *parent,
                                                     SamContext       *context,
                                                     gint64            round_id,
                                                     gint64            clinic_id,
                                                     const char       *listen_address);
SamCollect       *sam_collect_dialog_get_collect    (SamCollectDialog *self);
gboolean          sam_collect_dialog_export_sheet   (SamCollectDialog *self,
                                                     const char       *pdf_path,
                                                     GError          **error);

GtkWindow        *sam_collect_dialog_present_for_round (GtkWindow     *window,
                                                        SamContext    *context,
                                                        gint64         round_id,
                                                        const char    *listen_address);

G_END_DECLS
