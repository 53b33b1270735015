/* sam-application.c
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-context.h"
#include "sam-demo.h"
#include "sam-paths.h"
#include "sam-preferences-window.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication  parent_instance;

  char           *database;   /* from --database, or NULL for the user's own */
  gboolean        demo;       /* the window shows the demo database */
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

static GSettings *
sam_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (an uninstalled build run by hand) the app keeps no settings
   * rather than aborting. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; window size is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static SamContext *
sam_application_open_context (SamApplication  *self,
                              GError         **error)
{
  g_autofree char *path = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (self->demo)
    {
      path = sam_paths_get_demo_database ();
      store = sam_demo_open (path, error);
    }
  else
    {
      path = self->database ? g_strdup (self->database) : sam_paths_get_default_database ();
      store = sam_store_new (path, error);
    }
  if (store == NULL)
    return NULL;

  settings = sam_application_create_settings ();
  return sam_context_new (store, settings);
}

/* Opens a window on the database the app is set to; the old window goes once the new
 * one is up. */
static void
sam_application_show_window (SamApplication *self)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(SamContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window;

  context = sam_application_open_context (self, &error);
  window = sam_window_new (self, context);
  if (context == NULL)
    sam_window_show_open_error (window, error->message);

  gtk_window_present (GTK_WINDOW (window));
  if (old != NULL)
    gtk_window_destroy (old);

  /* The menu offers the way into the demo, or out of it. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "open-demo")),
                               !self->demo);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "leave-demo")),
                               self->demo);
}

static void
sam_application_activate (GApplication *app)
{
  SamApplication *self = SAM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    sam_application_show_window (self);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SamApplication *self = user_data;

  self->demo = TRUE;
  sam_application_show_window (self);
}

static void
leave_demo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SamApplication *self = user_data;

  self->demo = FALSE;
  sam_application_show_window (self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SamApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  SamContext *context = SAM_IS_WINDOW (window) ? sam_window_get_context (SAM_WINDOW (window)) : NULL;
  SamPreferencesWindow *preferences;

  if (context == NULL)
    return;

  preferences = sam_preferences_window_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SamApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Samarbejde authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        "application-name", _("Samarbejde"),
                        "developer-name", "The Samarbejde authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Leadership, cooperation and collegial support in general "
                                      "practice, following the cluster package “Samarbejde og "
                                      "fællesskab” of KiAP (Kvalitet i Almen Praksis)."),
                        "website", "https://www.kiap.dk",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("The cluster package"),
                                                (const char *[]) {
                                                  "Gunver Lillevang",
                                                  "Heidi Bøgelund",
                                                  "KiAP https://www.kiap.dk",
                                                  NULL,
                                                });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SamApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than quitting outright) lets each save what it holds. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "open-demo", open_demo_action },
  { "leave-demo", leave_demo_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
sam_application_startup (GApplication *app)
{
  static const char * const sections[] = {
    "overview", "questionnaire", "results", "meetings", "plan", "reflection", "support",
  };
  SamApplication *self = SAM_APPLICATION (app);

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-survey",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-results",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  /* Alt and the section's place in the sidebar. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-section::%s", sections[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action, (const char *[]) { accel, NULL });
    }

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sam_application_finalize (GObject *object)
{
  SamApplication *self = (SamApplication *) object;

  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (sam_application_parent_class)->finalize (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sam_application_finalize;
  app_class->activate = sam_application_activate;
  app_class->startup = sam_application_startup;
}

static void
sam_application_init (SamApplication *self)
{
}

/**
 * sam_application_new:
 * @database: (nullable): the database file, or %NULL for the one in the user's data folder
 * @demo: whether to open the demo database instead
 *
 * An app on a database of its own choosing does not hand over to a running instance,
 * which would show another database.
 */
SamApplication *
sam_application_new (const char *database,
                     gboolean    demo)
{
  SamApplication *self;
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  if (database != NULL || demo)
    flags |= G_APPLICATION_NON_UNIQUE;

  self = g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
  self->database = g_strdup (database);
  self->demo = demo;
  return self;
}
