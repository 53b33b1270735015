/* sam-support-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_SUPPORT_PAGE (sam_support_page_get_type ())
G_DECLARE_FINAL_TYPE (SamSupportPage, sam_support_page, SAM, SUPPORT_PAGE, AdwBin)

G_END_DECLS
