/* sam-meeting-template-private.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-markup.h"
#include "sam-meeting-template.h"

G_BEGIN_DECLS

/* The meeting templates are split in two: the object and its queries
 * (sam-meeting-template.c) and the loader (sam-meeting-template-load.c). This header is
 * for those files alone. */
struct _SamMeetingTemplate
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  char            *purpose;
  char            *participants;
  GPtrArray       *preparation;    /* char * */
  SamMeetingScope  scope;
  guint            minutes;        /* without conditional parts */
  GPtrArray       *parts;          /* SamMeetingPart */
  GPtrArray       *steps;          /* SamMeetingStep */
  GPtrArray       *categories;     /* SamMeetingCategory */
  GPtrArray       *groups;         /* SamMeetingReflectionGroup */
};

/* The element of @array, one of @type, whose id is @key, or %NULL. */
#define SAM_MEETING_FIND(array, type, key) \
  _sam_markup_find_by_id ((array), G_STRUCT_OFFSET (type, id), (key))

G_END_DECLS
