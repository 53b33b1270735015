/* sam-round-clinics.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_ROUND_CLINICS (sam_round_clinics_get_type ())
G_DECLARE_FINAL_TYPE (SamRoundClinics, sam_round_clinics, SAM, ROUND_CLINICS, AdwBin)

SamRoundClinics *sam_round_clinics_new         (SamContext       *context,
                                                gint64            round_id);
gboolean         sam_round_clinics_save        (SamRoundClinics  *self,
                                                GError          **error);
GtkWindow       *sam_round_clinics_dialog_show (GtkWindow        *parent,
                                                SamContext       *context,
                                                gint64            round_id);

G_END_DECLS
