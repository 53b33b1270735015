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

typedef struct
{
  void     (*refresh) (GtkWidget *page);
  gboolean   stale;
} Follower;

#define FOLLOWER_KEY "sam-context-follower"

static void
on_store_changed (GtkWidget *page)
{
  Follower *follower = g_object_get_data (G_OBJECT (page), FOLLOWER_KEY);

  if (gtk_widget_get_mapped (page))
    follower->refresh (page);
  else
    follower->stale = TRUE;
}

static void
on_page_map (GtkWidget *page)
{
  Follower *follower = g_object_get_data (G_OBJECT (page), FOLLOWER_KEY);

  if (!follower->stale)
    return;
  follower->stale = FALSE;
  follower->refresh (page);
}

void
sam_context_follow_store (GtkWidget  *page,
                          SamContext *context,
                          GCallback   refresh)
{
  Follower *follower = g_new0 (Follower, 1);

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (SAM_IS_CONTEXT (context));
  g_return_if_fail (g_object_get_data (G_OBJECT (page), FOLLOWER_KEY) == NULL);

  follower->refresh = (void (*) (GtkWidget *)) refresh;
  g_object_set_data_full (G_OBJECT (page), FOLLOWER_KEY, follower, g_free);
  g_signal_connect_object (sam_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), page, G_CONNECT_SWAPPED);
  g_signal_connect (page, "map", G_CALLBACK (on_page_map), NULL);
}
