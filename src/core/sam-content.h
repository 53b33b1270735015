/* sam-content.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *sam_content_lookup (const char  *name,
                            GError     **error);

G_END_DECLS
