/* sam-import-dialog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"
#include "sam-survey-import.h"

G_BEGIN_DECLS

#define SAM_TYPE_IMPORT_DIALOG (sam_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SamImportDialog, sam_import_dialog, SAM, IMPORT_DIALOG, AdwMessageDialog)

SamImportDialog *sam_import_dialog_new        (GtkWindow       *parent,
                                               SamContext      *context,
                                               const char      *name,
                                               GBytes          *bytes);
SamSurveyImport *sam_import_dialog_get_import (SamImportDialog *self);
SamSurveyImport *sam_import_dialog_steal_import (SamImportDialog *self);

G_END_DECLS
