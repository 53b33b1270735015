/* sam-support-page-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-support-page.h"

G_BEGIN_DECLS

/* For tests: whether every group has come in (they come one a frame after the first
 * showing). */
gboolean sam_support_page_is_complete (SamSupportPage *self);

G_END_DECLS
