/* sam-cluster-file-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sam-cluster-file.h"
#include "sam-instrument.h"

G_BEGIN_DECLS

/* A file is one JSON object:
 *
 *   { "format": "samarbejde-tallies" | "samarbejde-figures", "version": 1,
 *     "content": { ... }, "checksum": "<SHA-256 of the content, lowercase hex>" }
 *
 * The checksum is taken over the content node as json-glib writes it without any
 * indentation. The reader writes the content it parsed the same way, so the checksum
 * holds after a person or an editor changes only the spacing of the file, and fails after
 * any change of a value, a key or the order of keys. It is no signature: anyone can
 * compute it again, so it proves neither who wrote a file nor that nobody changed it on
 * purpose. It catches damage and edits made by hand, which is all it is for; everything
 * a file holds is checked on its own whatever the checksum says (a key written twice,
 * which the parsed content no longer shows, is looked for in the text). */

#define FORMAT_TALLIES "samarbejde-tallies"
#define FORMAT_FIGURES "samarbejde-figures"
#define FORMAT_VERSION 1

/* Shared by the reader and importer (sam-cluster-file.c) and the writer
 * (sam-cluster-file-write.c). */
guint  _sam_cluster_file_item_n_codes (const SamItem *item);
char  *_sam_cluster_file_today        (void);
char  *_sam_cluster_file_checksum     (JsonNode      *content);

/* The text as a whole, before it is parsed (sam-cluster-file-shape.c). */
gboolean _sam_cluster_file_check_shape (const char  *name,
                                        const char  *text,
                                        gsize        size,
                                        GError     **error);

G_END_DECLS
