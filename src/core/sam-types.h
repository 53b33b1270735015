/* sam-types.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SamContext    SamContext;
typedef struct _SamInstrument SamInstrument;
typedef struct _SamStore      SamStore;

/* The respondent's role decides which items are asked (instrument contract, "Roles"). */
typedef enum
{
  SAM_ROLE_PARTNER,
  SAM_ROLE_SOLO,
  SAM_ROLE_STAFF,
  SAM_N_ROLES
} SamRole;

#define SAM_ROLE_MASK(role) (1u << (role))

/* The code of "not applicable": neither a valid answer nor missing. */
#define SAM_ANSWER_NOT_APPLICABLE 9

/* The minimum group size for figures seen outside the clinic. */
#define SAM_MIN_GROUP_SIZE_MIN      1
#define SAM_MIN_GROUP_SIZE_MAX      10
#define SAM_MIN_GROUP_SIZE_DEFAULT  3
#define SAM_MIN_GROUP_SIZE_SAFE     3

const char *sam_role_to_string   (SamRole     role);
gboolean    sam_role_from_string (const char *str,
                                  SamRole    *role);

G_END_DECLS
