/* sam-catalog.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The app's translations in one language chosen at run time, whatever the process's own
 * locale: for pages served to phones, each in the phone's language. It reads the same
 * compiled catalog (po/LL.mo) gettext reads, from the folder the text domain is bound to,
 * and is thread-safe and independent of the environment. */

typedef struct _SamCatalog SamCatalog;

SamCatalog *sam_catalog_new_for_language (const char  *language,
                                          GError     **error);
SamCatalog *sam_catalog_new_from_bytes   (const char  *language,
                                          GBytes      *mo,
                                          GError     **error);
const char *sam_catalog_get_language     (SamCatalog  *self);
const char *sam_catalog_gettext          (SamCatalog  *self,
                                          const char  *msgid) G_GNUC_FORMAT (2);
void        sam_catalog_free             (SamCatalog  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamCatalog, sam_catalog_free)

G_END_DECLS
