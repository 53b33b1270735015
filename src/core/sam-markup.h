/* sam-markup.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Private to core: what the loaders of the content files (the instrument, the meeting
 * templates) share, written once. Each keeps its own elements, checks and messages. */

/* The start of a loader's parse state, so that one text handler serves both loaders. */
typedef struct
{
  GString  *text;        /* what stands between a text element's tags */
  gboolean  collecting;  /* inside a text element */
} SamMarkupState;

/* The handlers of a GMarkupParser, which GLib does not name. */
typedef void     (*SamMarkupStartFunc) (GMarkupParseContext  *context,
                                        const char           *element_name,
                                        const char          **attribute_names,
                                        const char          **attribute_values,
                                        gpointer              user_data,
                                        GError              **error);
typedef void     (*SamMarkupEndFunc)   (GMarkupParseContext  *context,
                                        const char           *element_name,
                                        gpointer              user_data,
                                        GError              **error);
typedef gpointer (*SamMarkupLoadFunc)  (GBytes               *bytes,
                                        GError              **error);

gboolean  _sam_markup_parse        (SamMarkupStartFunc    start_element,
                                    SamMarkupEndFunc      end_element,
                                    GMarkupParseFlags     flags,
                                    GBytes               *bytes,
                                    SamMarkupState       *state,
                                    GError              **error);
void      _sam_markup_begin_text   (SamMarkupState       *state);
char     *_sam_markup_end_text     (SamMarkupState       *state);
char     *_sam_markup_where        (GMarkupParseContext  *context,
                                    const char           *file);
gpointer  _sam_markup_get_builtin  (gpointer             *location,
                                    const char           *file,
                                    const char           *subject,
                                    SamMarkupLoadFunc     load);

gpointer  _sam_markup_find_by_id   (GPtrArray            *array,
                                    gsize                 id_offset,
                                    const char           *id);

G_END_DECLS
