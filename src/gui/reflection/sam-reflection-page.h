/* sam-reflection-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_REFLECTION_PAGE (sam_reflection_page_get_type ())
G_DECLARE_FINAL_TYPE (SamReflectionPage, sam_reflection_page, SAM, REFLECTION_PAGE, AdwBin)

SamReflectionPage *sam_reflection_page_new (SamContext *context);

G_END_DECLS
