/* sam-context.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-context"

#include "config.h"

#include "sam-context.h"
#include "sam-demo.h"

struct _SamContext
{
  GObject       parent_instance;

  SamStore     *store;
  GSettings    *settings;
  SamClockFunc  clock;
  gpointer      clock_data;
};

G_DEFINE_FINAL_TYPE (SamContext, sam_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sam_context_dispose (GObject *object)
{
  SamContext *self = (SamContext *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sam_context_parent_class)->dispose (object);
}

static void
sam_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SamContext *self = SAM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SamContext *self = SAM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_context_class_init (SamContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_context_dispose;
  object_class->get_property = sam_context_get_property;
  object_class->set_property = sam_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_context_init (SamContext *self)
{
}

/**
 * sam_context_new:
 * @store: the open database
 * @settings: (nullable): the app's settings on this computer, or %NULL to keep none
 */
SamContext *
sam_context_new (SamStore  *store,
                 GSettings *settings)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SAM_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

SamStore *
sam_context_get_store (SamContext *self)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * sam_context_get_settings:
 *
 * Returns: (nullable) (transfer none): the settings, if any
 */
GSettings *
sam_context_get_settings (SamContext *self)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (self), NULL);

  return self->settings;
}

gboolean
sam_context_is_demo (SamContext *self)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (self), FALSE);

  return sam_store_is_demo (self->store);
}

/**
 * sam_context_now:
 *
 * Returns: (transfer full): the time now, in local time, from the context's clock
 */
GDateTime *
sam_context_now (SamContext *self)
{
  g_return_val_if_fail (SAM_IS_CONTEXT (self), NULL);

  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_local ();
}

void
sam_context_set_clock (SamContext   *self,
                       SamClockFunc  clock,
                       gpointer      user_data)
{
  g_return_if_fail (SAM_IS_CONTEXT (self));

  self->clock = clock;
  self->clock_data = user_data;
}
