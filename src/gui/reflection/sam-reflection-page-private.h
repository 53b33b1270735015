/* sam-reflection-page-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-reflection-page.h"

G_BEGIN_DECLS

/* For the tests only, never for the app's own code: what they read of it as a person
 * would see it, and the steps they take directly that a person takes with the mouse or
 * the keyboard. */
GtkWidget  *sam_reflection_page_get_groups   (SamReflectionPage *self);
void        sam_reflection_page_set_role     (SamReflectionPage *self,
                                              SamRole            role);
gboolean    sam_reflection_page_is_loading   (SamReflectionPage *self);

G_END_DECLS
