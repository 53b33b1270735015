/* sam-store-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* For core modules that run their own queries inside the store's transactions. */
sqlite3  *_sam_store_get_db       (SamStore    *self);
gboolean  _sam_store_set_error    (SamStore    *self,
                                   GError     **error,
                                   int          rc);
gboolean  _sam_store_exec         (SamStore    *self,
                                   const char  *sql,
                                   GError     **error);

G_END_DECLS
