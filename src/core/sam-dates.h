/* sam-dates.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sam_date_parse_iso     (const char *iso,
                                  GDate      *date);
char     *sam_date_format_long   (const GDate *date);
char     *sam_date_format_iso    (const char *iso);

G_END_DECLS
