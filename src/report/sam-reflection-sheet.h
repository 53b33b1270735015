/* sam-reflection-sheet.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-document.h"

G_BEGIN_DECLS

/* The sheet for meeting notes ("ark til mødenoter"): the cluster meeting's blocks, their
 * reflection questions with who answers which, and ruled room to write by hand. A blank
 * form: it is printed before the meeting, so it holds nothing from the journal. */

#define SAM_REFLECTION_SHEET_WIDTH  SAM_DOCUMENT_A4_WIDTH
#define SAM_REFLECTION_SHEET_HEIGHT SAM_DOCUMENT_A4_HEIGHT

gboolean sam_reflection_sheet_write_pdf (const char  *path,
                                         GError     **error);

G_END_DECLS
