/* sam-import-dialog-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-import-dialog.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
gboolean         sam_import_dialog_is_reading (SamImportDialog *self);
gboolean         sam_import_dialog_has_errors (SamImportDialog *self);

G_END_DECLS
