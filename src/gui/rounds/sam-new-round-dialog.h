/* sam-new-round-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_NEW_ROUND_DIALOG (sam_new_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamNewRoundDialog, sam_new_round_dialog, SAM, NEW_ROUND_DIALOG,
                      AdwMessageDialog)

SamNewRoundDialog *sam_new_round_dialog_new (GtkWindow         *parent,
                                             SamContext        *context);
gboolean           sam_new_round_dialog_create (SamNewRoundDialog  *self,
                                                GError            **error);

G_END_DECLS
