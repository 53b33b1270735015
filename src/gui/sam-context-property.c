/* sam-context-property.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-context-property.h"

/* Returns: (transfer floating): the "context" property's spec. */
GParamSpec *
sam_context_param_spec (void)
{
  return g_param_spec_object ("context", NULL, NULL, SAM_TYPE_CONTEXT,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

void
sam_context_property_install (GObjectClass *object_class)
{
  g_object_class_install_property (object_class, SAM_CONTEXT_PROP, sam_context_param_spec ());
}
