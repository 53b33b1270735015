/* sam-reflection.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-meeting-template.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* The private reflection journal: dated answers to the package's reflection questions
 * (spec/meetings.md, section 6), to prepare before a cluster meeting and to look back on.
 * They belong to the person at this computer: nothing that writes a file for anyone else
 * reads them. The questions are the cluster meeting's, put to a role: a solo doctor gets
 * leadership question 1 only, and collegial-support questions 2 and 3 only. */

typedef struct
{
  gint64  id;
  char   *topic;       /* the question's group, such as "leadership" */
  guint   question;    /* its number within the group, from 1 */
  char   *date;        /* the day it was written for, YYYY-MM-DD */
  char   *text;
  char   *updated;     /* ISO 8601 UTC */
} SamReflection;

SamMeetingTemplate         *sam_reflection_get_template     (void);
GPtrArray                  *sam_reflection_list_groups      (void);
GPtrArray                  *sam_reflection_list_questions   (const char     *topic,
                                                             SamRole         role);
const SamMeetingReflection *sam_reflection_lookup_question  (const char     *topic,
                                                             guint           question);

void                        sam_reflection_free             (SamReflection  *reflection);

gboolean                    sam_reflection_save             (SamStore       *store,
                                                             gint64         *id,
                                                             const char     *topic,
                                                             guint           question,
                                                             const char     *date,
                                                             const char     *text,
                                                             GDateTime      *now,
                                                             GError        **error);
gboolean                    sam_reflection_delete           (SamStore       *store,
                                                             gint64          id,
                                                             GError        **error);
SamReflection              *sam_reflection_get              (SamStore       *store,
                                                             gint64          id,
                                                             GError        **error);
GPtrArray                  *sam_reflection_list             (SamStore       *store,
                                                             const char     *topic,
                                                             guint           question,
                                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamReflection, sam_reflection_free)

G_END_DECLS
