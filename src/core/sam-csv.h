/* sam-csv.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small CSV reader for what survey tools and spreadsheets write: UTF-8 with or without a
 * byte-order mark, or Windows-1252 (Danish Excel) where the bytes are not valid UTF-8;
 * ';', ',' or tab as delimiter, detected from the first line; RFC 4180 quoting (fields in
 * double quotes may hold delimiters, line breaks and ""); CRLF or LF; a last line without
 * a line end. Fields come out as UTF-8. */

#define SAM_CSV_ERROR (sam_csv_error_quark ())

typedef enum
{
  SAM_CSV_ERROR_NOT_TEXT,   /* NUL or control bytes, or neither UTF-8 nor Windows-1252 */
  SAM_CSV_ERROR_EMPTY,      /* no header line */
  SAM_CSV_ERROR_QUOTES,     /* a quoted field that does not end, or text after a closing quote */
} SamCsvError;

typedef struct _SamCsvReader SamCsvReader;

GQuark        sam_csv_error_quark           (void);

SamCsvReader *sam_csv_reader_new            (GBytes         *bytes,
                                             GError        **error);
void          sam_csv_reader_free           (SamCsvReader   *self);
char          sam_csv_reader_get_delimiter  (SamCsvReader   *self);
const char   *sam_csv_reader_get_encoding   (SamCsvReader   *self);
gboolean      sam_csv_reader_next           (SamCsvReader   *self,
                                             GError        **error);
guint         sam_csv_reader_get_n_fields   (SamCsvReader   *self);
const char   *sam_csv_reader_get_field      (SamCsvReader   *self,
                                             guint           index);
/* The line the current record starts on; 0 before the first and after the last. After an
 * error, next() keeps returning it, so a broken file never reads as one that ended. */
guint         sam_csv_reader_get_line       (SamCsvReader   *self);
guint         sam_csv_reader_get_field_line (SamCsvReader   *self,
                                             guint           index);

void          sam_csv_append_field          (GString        *out,
                                             const char     *field,
                                             char            delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamCsvReader, sam_csv_reader_free)

G_END_DECLS
