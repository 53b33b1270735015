/* sam-context.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store.h"

G_BEGIN_DECLS

/* What widgets need from the world, handed to them rather than reached through globals,
 * so that tests can hand in their own. */

typedef GDateTime *(*SamClockFunc) (gpointer user_data);

#define SAM_TYPE_CONTEXT (sam_context_get_type ())
G_DECLARE_FINAL_TYPE (SamContext, sam_context, SAM, CONTEXT, GObject)

SamContext *sam_context_new        (SamStore     *store,
                                    GSettings    *settings);
SamStore   *sam_context_get_store    (SamContext   *self);
GSettings  *sam_context_get_settings (SamContext   *self);
gboolean    sam_context_is_demo      (SamContext   *self);
GDateTime  *sam_context_now          (SamContext   *self);
void        sam_context_set_clock    (SamContext   *self,
                                      SamClockFunc  clock,
                                      gpointer      user_data);

G_END_DECLS
