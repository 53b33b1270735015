/* sam-reference.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_REFERENCE_ERROR (sam_reference_error_quark ())

typedef enum
{
  SAM_REFERENCE_ERROR_INVALID,
} SamReferenceError;

GQuark   sam_reference_error_quark (void);

gboolean sam_reference_import      (SamStore    *store,
                                    const char  *name,
                                    GBytes      *bytes,
                                    guint       *n_rows,
                                    GPtrArray  **rounds,
                                    GError     **error);
GPtrArray *sam_reference_list_rounds (SamStore   *store,
                                     GError    **error);

G_END_DECLS
