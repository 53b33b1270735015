/* sam-deck.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/* The meeting deck: a round's results as slides for the cluster meeting, a PDF the
 * coordinator shows on the projector and hands out. It is always the cluster's view, with
 * suppression as anywhere outside a clinic, whatever clinic this computer belongs to. */

GBytes   *sam_deck_render    (SamStore    *store,
                              gint64       round_id,
                              int          k,
                              guint       *n_pages,
                              GError     **error);
gboolean  sam_deck_write_pdf (SamStore    *store,
                              gint64       round_id,
                              int          k,
                              const char  *path,
                              guint       *n_pages,
                              GError     **error);

G_END_DECLS
