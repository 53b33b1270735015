/* sam-context-property.h
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-context.h"

G_BEGIN_DECLS

/* The one way a page, dialog or window is given the store and settings it works on: a
 * construct-only "context" property, set with g_object_new (…, "context", context, NULL)
 * and read in constructed (), where the widget connects to the store's signals with
 * g_signal_connect_object, so nothing needs disconnecting by hand.
 *
 * A class whose only property is the context (in a field named `context`) writes
 *
 *   SAM_DEFINE_CONTEXT_PROPERTY (SamFooPage, sam_foo_page)
 *
 * after its struct, and SAM_CONTEXT_PROPERTY_INSTALL (object_class, sam_foo_page) in its
 * class_init; it releases the field in dispose. A class with more properties puts
 * sam_context_param_spec () in its own table as property SAM_CONTEXT_PROP. */

enum { SAM_CONTEXT_PROP = 1 };

GParamSpec *sam_context_param_spec       (void);
void        sam_context_property_install (GObjectClass *object_class);

/* A page showing what the store holds follows its changes: at once while it is shown,
 * otherwise when it is shown next. Any write to the store (a setting, a note saved as it
 * is typed) then costs the refreshing of the page on screen only, not of every page built;
 * at national scale those refreshes together took 26–31 ms. @refresh takes the page. */
void        sam_context_follow_store     (GtkWidget    *page,
                                          SamContext   *context,
                                          GCallback     refresh);

#define SAM_DEFINE_CONTEXT_PROPERTY(TypeName, type_name)                                  \
  static void                                                                           \
  type_name##_get_property (GObject    *object,                                         \
                            guint       prop_id,                                        \
                            GValue     *value,                                          \
                            GParamSpec *pspec)                                          \
  {                                                                                     \
    if (prop_id == SAM_CONTEXT_PROP)                                                    \
      g_value_set_object (value, ((TypeName *) object)->context);                       \
    else                                                                                \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                       \
  }                                                                                     \
                                                                                        \
  static void                                                                           \
  type_name##_set_property (GObject      *object,                                       \
                            guint         prop_id,                                      \
                            const GValue *value,                                        \
                            GParamSpec   *pspec)                                        \
  {                                                                                     \
    if (prop_id == SAM_CONTEXT_PROP)                                                    \
      g_set_object (&((TypeName *) object)->context, g_value_get_object (value));       \
    else                                                                                \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                       \
  }

#define SAM_CONTEXT_PROPERTY_INSTALL(object_class, type_name)                             \
  G_STMT_START {                                                                        \
    (object_class)->get_property = type_name##_get_property;                            \
    (object_class)->set_property = type_name##_set_property;                            \
    sam_context_property_install (object_class);                                        \
  } G_STMT_END

G_END_DECLS
