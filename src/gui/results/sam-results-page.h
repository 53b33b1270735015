/* sam-results-page.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-context.h"

G_BEGIN_DECLS

#define SAM_TYPE_RESULTS_PAGE (sam_results_page_get_type ())
G_DECLARE_FINAL_TYPE (SamResultsPage, sam_results_page, SAM, RESULTS_PAGE, AdwBin)

SamResultsPage *sam_results_page_new (SamContext *context);
gboolean   sam_results_page_is_loading   (SamResultsPage *self);
GPtrArray *sam_results_page_get_charts   (SamResultsPage *self,
                                          const char     *page);
GtkWidget *sam_results_page_get_page_box (SamResultsPage *self,
                                          const char     *page);
gboolean   sam_results_page_print_to_file (SamResultsPage *self,
                                          const char     *path,
                                          GError        **error);
void       sam_results_page_save_deck    (SamResultsPage      *self,
                                          const char          *path,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
guint      sam_results_page_save_deck_finish (SamResultsPage  *self,
                                              GAsyncResult    *result,
                                              GError         **error);
gboolean   sam_results_page_select       (SamResultsPage *self,
                                          gint64          round_id,
                                          gboolean        own_view);

G_END_DECLS
