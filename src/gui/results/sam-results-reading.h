/* sam-results-reading.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-instrument.h"
#include "sam-round-figures.h"

G_BEGIN_DECLS

GtkWidget  *sam_results_reading_new          (SamRoundFigures *figures,
                                              const SamDomain *domain);
const char *sam_results_reading_template_for (const SamItem   *item,
                                              const SamDomain *domain);
GtkWidget  *sam_results_headlines_new        (SamRoundFigures *figures,
                                              SamRoundFigures *previous);
GtkWidget  *sam_results_story_new            (SamRoundFigures *figures);
GtkWidget  *sam_results_text_label           (const char      *text,
                                              const char      *css_class);

G_END_DECLS
