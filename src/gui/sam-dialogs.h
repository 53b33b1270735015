/* sam-dialogs.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* Every dialog kind goes through here, so a move to newer libadwaita touches one file. */

typedef void (*SamConfirmFunc) (gboolean confirmed,
                                gpointer user_data);

GtkWindow *sam_dialogs_confirm (GtkWindow      *parent,
                                const char     *heading,
                                const char     *body,
                                const char     *confirm_label,
                                gboolean        destructive,
                                SamConfirmFunc  callback,
                                gpointer        user_data);
GtkWindow *sam_dialogs_alert   (GtkWindow      *parent,
                                const char     *heading,
                                const char     *body);

typedef void (*SamRoundClosedFunc) (gboolean  closed,
                                    gint64    round_id,
                                    gpointer  user_data);

GtkWindow *sam_dialogs_ask_close_round (GtkWindow          *parent,
                                        SamStore           *store,
                                        gint64              round_id,
                                        SamRoundClosedFunc  func,
                                        gpointer            user_data);

G_END_DECLS
