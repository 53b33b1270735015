/* sam-dates.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAM_DATE_ERROR (sam_date_error_quark ())

typedef enum
{
  SAM_DATE_ERROR_EMPTY,      /* nothing was typed */
  SAM_DATE_ERROR_INVALID,    /* what was typed is no day that exists */
} SamDateError;

GQuark    sam_date_error_quark   (void);

gboolean  sam_date_parse_iso     (const char *iso,
                                  GDate      *date);
char     *sam_date_format_long   (const GDate *date);
char     *sam_date_format_iso    (const char *iso);

gboolean    sam_date_parse         (const char  *text,
                                    GDate       *date,
                                    GError     **error);
char       *sam_date_format_short  (const GDate *date);
const char *sam_date_get_hint      (void);

G_END_DECLS
