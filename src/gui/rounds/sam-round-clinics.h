/* sam-round-clinics.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

GtkWindow *sam_round_clinics_dialog_show (GtkWindow  *parent,
                                          SamContext *context,
                                          gint64      round_id);

G_END_DECLS
