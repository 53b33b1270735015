/* sam-welcome-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_WELCOME_PAGE (sam_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (SamWelcomePage, sam_welcome_page, SAM, WELCOME_PAGE, GtkWidget)

SamWelcomePage *sam_welcome_page_new      (SamContext     *context);

G_END_DECLS
