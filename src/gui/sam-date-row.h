/* sam-date-row.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_DATE_ROW (sam_date_row_get_type ())
G_DECLARE_FINAL_TYPE (SamDateRow, sam_date_row, SAM, DATE_ROW, AdwActionRow)

GtkWidget  *sam_date_row_new                  (void);
const char *sam_date_row_get_date             (SamDateRow *self);
void        sam_date_row_set_date             (SamDateRow *self,
                                               const char *iso);
gboolean    sam_date_row_get_valid            (SamDateRow *self);
const char *sam_date_row_get_message          (SamDateRow *self);
gboolean    sam_date_row_get_optional         (SamDateRow *self);
void        sam_date_row_set_optional         (SamDateRow *self,
                                               gboolean    optional);
void        sam_date_row_set_activates_default (SamDateRow *self,
                                               gboolean    activates);
GtkEditable *sam_date_row_get_entry           (SamDateRow *self);
GtkMenuButton *sam_date_row_get_calendar_button (SamDateRow *self);

G_END_DECLS
