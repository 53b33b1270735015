/* sam-preferences-window.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_PREFERENCES_WINDOW (sam_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SamPreferencesWindow, sam_preferences_window, SAM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

SamPreferencesWindow *sam_preferences_window_new (SamContext *context);

G_END_DECLS
