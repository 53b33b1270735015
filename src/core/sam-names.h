/* sam-names.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names a spreadsheet would run as a formula (formats contract, "Survey CSV"): a clinic
 * code, cluster name or round label that begins with "=", "+", "-", "@", a tab or a
 * carriage return, after any spaces, is refused wherever a name enters. */

gboolean  sam_name_is_safe         (const char  *name);
char     *sam_name_explain_unsafe  (const char  *name,
                                    gboolean     plain_quotes);
gboolean  sam_name_check           (const char  *name,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
char     *sam_names_join           (const GPtrArray *names);

G_END_DECLS
