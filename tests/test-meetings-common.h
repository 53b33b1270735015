/* test-meetings-common.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-application.h"
#include "sam-chart-view.h"
#include "sam-date-row.h"
#include "sam-meeting-presentation.h"
#include "sam-meeting-runner.h"
#include "sam-meeting-start-dialog.h"
#include "sam-meeting-store.h"
#include "sam-meetings-page.h"
#include "sam-meetings-private.h"
#include "sam-window.h"
#include "sam-plan.h"
#include "test-gui-common.h"
#include "test-pdf.h"
#include "test-collect-common.h"

extern char *tmpdir;
extern gint64 fake_now;   /* microseconds since the epoch */

#define MINUTE (60 * G_USEC_PER_SEC)

typedef struct
{
  SamApplication  *app;
  SamWindow       *window;
  SamContext      *context;
  SamStore        *store;
  SamMeetingsPage *page;
  gint64           clinic_id;
  char            *path;
} Session;

GDateTime *fake_clock (gpointer data);
void open_session (Session *session, const char *name);
void close_session (Session *session);
GtkWidget *runner_child (SamMeetingRunner *runner, const char *name);
void advance (SamMeetingRunner *runner, gint64 us);
void type_notes (SamMeetingRunner *runner, const char *text);
const char *note_of (GPtrArray *notes, const char *step);
void collect_cards (GtkWidget *widget, GPtrArray *cards);
void add_note (SamMeetingRunner *runner, gboolean red, const char *text);
gboolean dialog_gone (gpointer data);
void collect_labels (GtkWidget *widget, GPtrArray *texts);
gboolean has_text (GPtrArray *texts, const char *text);
GtkWidget *first_card_in_column (SamMeetingRunner *runner, guint column);
gboolean runner_has_card (gpointer data);
void maybe_shot_at (SamMeetingRunner *runner, const char *name, GtkWidget *target);
void maybe_shot (SamMeetingRunner *runner, const char *name);
void meetings_unique_application_id (GApplication *app);
