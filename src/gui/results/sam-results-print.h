/* sam-results-print.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkPrintOperation *sam_results_print_operation_new (GPtrArray  *charts,
                                                    const char *heading);

G_END_DECLS
