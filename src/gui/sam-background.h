/* sam-background.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Work the window waits for but must not be held up by (reading figures, writing files,
 * storing an import, drawing charts) runs in threads below the window's priority: on a
 * computer with two cores the window's own thread and its drawing come first. */

void sam_background_lower_priority (void);
void sam_background_run            (GTask           *task,
                                    GTaskThreadFunc  func);

G_END_DECLS
