/* sam-collect.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-collect-form.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* Answering on phones (formats contract, "Answering on phones"): a small HTTP server on
 * the clinic's own network, for one round and one clinic, that serves the questionnaire
 * as a page and stores each form posted back as one anonymous respondent, exactly as an
 * answer given in the window. It is write-only: no address gives back answers or figures.
 * It runs on the thread-default main context of whoever starts it. */

#define SAM_TYPE_COLLECT (sam_collect_get_type ())
G_DECLARE_FINAL_TYPE (SamCollect, sam_collect, SAM, COLLECT, GObject)

SamCollect *sam_collect_new                 (SamStore    *store,
                                             gint64       round_id,
                                             gint64       clinic_id);
SamCollect *sam_collect_new_meeting         (SamStore    *store,
                                             gint64       meeting_id,
                                             const char  *step_id);
gboolean    sam_collect_start               (SamCollect  *self,
                                             const char  *listen_address,
                                             guint        port,
                                             GError     **error);
void        sam_collect_stop                (SamCollect  *self);
gboolean    sam_collect_is_running          (SamCollect  *self);
const char *sam_collect_get_address         (SamCollect  *self);
guint       sam_collect_get_n_answered      (SamCollect  *self);
void        sam_collect_set_rate_limit      (SamCollect  *self,
                                             guint        burst,
                                             guint        per_minute);

GPtrArray  *sam_collect_list_local_addresses (void);

G_END_DECLS
