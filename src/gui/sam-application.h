/* sam-application.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_APPLICATION (sam_application_get_type ())
G_DECLARE_FINAL_TYPE (SamApplication, sam_application, SAM, APPLICATION, AdwApplication)

gboolean        sam_application_restore_backup (SamApplication  *self,
                                                const char      *backup,
                                                GError         **error);
GtkWindow      *sam_application_show_backups   (SamApplication  *self);
SamApplication *sam_application_new (const char *database,
                                     gboolean    demo);

G_END_DECLS
