/* sam-paths.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sam_paths_get_data_dir         (void);
char     *sam_paths_get_default_database (void);
char     *sam_paths_get_demo_database    (void);
gboolean  sam_paths_ensure_parent_dir    (const char  *path,
                                          GError     **error);

G_END_DECLS
