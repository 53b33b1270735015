/* sam-demo.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* Raised when the generator changes, so that an older demo file is made anew. */
#define SAM_DEMO_VERSION 3

gboolean  sam_demo_populate (SamStore    *store,
                             GError     **error);
gboolean  sam_store_is_demo (SamStore    *store);
SamStore *sam_demo_open     (const char  *path,
                             GError     **error);
gboolean  sam_demo_reset    (SamStore    *store,
                             GError     **error);

G_END_DECLS
